/**
 * The section list: which item is marked as the current page, including screens nested under a section.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AppNav, currentSection } from '../../../../renderer/src/app/AppNav.js';

describe('currentSection', () => {
  it('marks the exact screen', () => {
    expect(currentSection('/')).toBe('/');
    expect(currentSection('/history')).toBe('/history');
    expect(currentSection('/links')).toBe('/links');
  });

  it('marks the section of a nested screen by its longest path', () => {
    expect(currentSection('/profiles/edit/prod')).toBe('/profiles');
    expect(currentSection('/links/new')).toBe('/links/new');
    expect(currentSection('/links/inspect')).toBe('/links/inspect');
  });

  it('marks nothing for an unknown address, and never treats a longer name as a folder', () => {
    expect(currentSection('/nowhere')).toBeUndefined();
    expect(currentSection('/historyx')).toBeUndefined();
  });
});

describe('AppNav', () => {
  it('lists every section as a link and marks the current page for screen readers', () => {
    const { hook } = memoryLocation({ path: '/profiles/new' });
    render(
      <Router hook={hook}>
        <AppNav />
      </Router>,
    );
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.getAllByRole('link')).toHaveLength(7);
    expect(screen.getByRole('link', { name: 'Profiles' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Upload' }).getAttribute('aria-current')).toBeNull();
  });
});
