/** The words of the settings screens (filled in as the screens are built). */
export const settings = {
  title: 'Settings',
} as const;
