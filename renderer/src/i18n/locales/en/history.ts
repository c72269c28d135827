/** The words of the history screens (filled in as the screens are built). */
export const history = {
  title: 'History',
} as const;
