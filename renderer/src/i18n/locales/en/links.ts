/** The words of the links screens (filled in as the screens are built). */
export const links = {
  title: 'Links',
} as const;
