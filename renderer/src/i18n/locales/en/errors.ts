/** The words of the errors screens (filled in as the screens are built). */
export const errors = {
  title: 'Errors',
} as const;
