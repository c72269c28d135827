/** The words of the settings screen, and of the link validity picker it shares with the profile form. */
export const settings = {
  title: 'Settings',
  intro: 'Each change is saved as soon as you make it (numbers and text when you leave the field or press Enter).',
  loading: 'Loading the settings…',
  saved: 'Saved.',
  saving: 'Saving…',
  saveFailed: 'Not saved.',
  transfers: {
    title: 'Transfers',
    whenApplied: 'Changes apply at once: more parallel files start right away, and with fewer the running uploads finish first. A new multipart threshold or part size applies to files that start from now on.',
    concurrency: { label: 'Files uploading at once', help: 'From {{min}} to {{max}}. More is not always faster: a few streams fill most connections.' },
    multipartThreshold: { label: 'Upload in parts above (MiB)', help: 'Files larger than this go up in parts, which resume after a failure. From {{min}} to {{max}} MiB; 0 sends every file in parts.' },
    partSize: { label: 'Part size (MiB)', help: 'From {{min}} to {{max}} MiB; grown by itself for huge files (at most 10,000 parts).' },
  },
  links: {
    title: 'Links',
    defaultExpiry: { label: 'New links are valid for', help: 'The default for links made on the New link screen; at most 7 days, the longest V4 signatures allow.' },
    copyLinkOnFinish: { label: 'Copy the share link to the clipboard when uploads finish', help: 'The link of the last file of each run.' },
  },
  desktop: {
    title: 'Notifications and shortcut',
    notifications: { label: 'Show a notification when uploads finish or fail', help: 'In browser mode the browser asks for permission the first time you drop files.' },
    shortcut: {
      label: 'Global shortcut for uploading the clipboard',
      help: 'An Electron accelerator, for example {{example}}. Leave empty for none.',
      browserOnly: 'Only the desktop app can listen for a global shortcut; this setting is kept for it.',
    },
  },
  appearance: {
    title: 'Appearance',
    theme: 'Theme',
    themes: {
      system: 'As the system',
      light: 'Light',
      dark: 'Dark',
    },
    language: 'Language',
  },
  validation: {
    wholeNumber: 'Enter a whole number from {{min}} to {{max}}.',
    mebibytes: 'Enter a number of MiB from {{min}} to {{max}}.',
    expiry: 'Enter a validity from 1 second to 7 days.',
    shortcut: 'Use printable characters without spaces, at most {{max}}, such as {{example}}.',
  },
  expiry: {
    presets: {
      '300': '5 minutes',
      '900': '15 minutes',
      '3600': '1 hour',
      '86400': '1 day',
      '604800': '7 days (the longest)',
    },
    custom: 'Custom…',
    amount: 'Custom validity',
    unit: 'Unit',
    units: {
      seconds: 'seconds',
      minutes: 'minutes',
      hours: 'hours',
      days: 'days',
    },
  },
} as const;
