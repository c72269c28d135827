/** The words of the profiles screens (filled in as the screens are built). */
export const profiles = {
  title: 'Profiles',
} as const;
