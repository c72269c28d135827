import { describe, expect, it } from 'vitest';
import { chosenProfile, destinationLabel, effectivePrefix, enqueueRequestFor, prefixPatch, profilePatch } from '../../../../../renderer/src/features/upload/destination.js';
import { PROFILES } from './upload-harness.js';

const prod = PROFILES.profiles[1];

describe('enqueueRequestFor', () => {
  it('names the remembered profile and prefix, and leaves out what follows the defaults', () => {
    expect(enqueueRequestFor(['/a'], { uploadProfile: 'prod', uploadPrefix: '2026/trip' })).toEqual({ paths: ['/a'], profile: 'prod', prefix: '2026/trip' });
    expect(enqueueRequestFor(['/a'], { uploadProfile: null, uploadPrefix: '' })).toEqual({ paths: ['/a'], prefix: '' });
    expect(enqueueRequestFor(['/a'], { uploadProfile: null, uploadPrefix: null })).toEqual({ paths: ['/a'] });
    expect(enqueueRequestFor(['/a'], undefined)).toEqual({ paths: ['/a'] });
  });
});

describe('chosenProfile and effectivePrefix', () => {
  it('are the remembered profile (else the default) and prefix (else the profile’s own)', () => {
    expect(chosenProfile(PROFILES, { uploadProfile: null, uploadPrefix: null })?.name).toBe('local');
    expect(chosenProfile(PROFILES, { uploadProfile: 'prod', uploadPrefix: null })?.name).toBe('prod');
    expect(chosenProfile(PROFILES, { uploadProfile: 'gone', uploadPrefix: null })).toBeUndefined();
    expect(effectivePrefix(prod, { uploadProfile: 'prod', uploadPrefix: null })).toBe('team/');
    expect(effectivePrefix(prod, { uploadProfile: 'prod', uploadPrefix: 'other' })).toBe('other');
    expect(effectivePrefix(undefined, undefined)).toBe('');
  });
});

describe('the settings a choice saves', () => {
  it('saves the default profile as null, so the choice follows the default', () => {
    expect(profilePatch(PROFILES, 'local')).toEqual({ uploadProfile: null });
    expect(profilePatch(PROFILES, 'prod')).toEqual({ uploadProfile: 'prod' });
  });

  it('saves the profile’s own prefix as null, and any other text as it is', () => {
    expect(prefixPatch(prod, 'team/')).toEqual({ uploadPrefix: null });
    expect(prefixPatch(prod, '')).toEqual({ uploadPrefix: '' });
    expect(prefixPatch(prod, 'x/y')).toEqual({ uploadPrefix: 'x/y' });
  });
});

describe('destinationLabel', () => {
  it('joins bucket and prefix the way keys are joined', () => {
    expect(destinationLabel('photos', '')).toBe('photos/');
    expect(destinationLabel('photos', 'a')).toBe('photos/a/');
    expect(destinationLabel('photos', 'a//')).toBe('photos/a/');
  });
});
