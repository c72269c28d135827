/** The words of the upload screens (filled in as the screens are built). */
export const upload = {
  title: 'Upload',
} as const;
