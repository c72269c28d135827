/**
 * Set-up of the renderer tests (jsdom): unmount what a test rendered, and start every test in English
 * with the real catalogs, so assertions read the words users see.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../../../renderer/src/i18n/index.js';

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
