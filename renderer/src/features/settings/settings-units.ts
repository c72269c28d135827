/**
 * The numeric settings as the screen shows them: sizes in MiB (the host keeps bytes), each with its
 * bounds from the contract's SETTINGS_LIMITS, and what a typed value means (or that it is out of bounds).
 * Pure.
 */
import { SETTINGS_LIMITS } from '../../../../electron/shared/ipc/settings.js';

/** Bytes in a MiB. */
export const MIB = 1024 * 1024;

/** Bounds of a number as typed (inclusive), and whether it must be whole. */
export interface TypedBounds {
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
}

/** The typed bounds of each numeric setting. */
export const TYPED_BOUNDS = {
  concurrency: { ...SETTINGS_LIMITS.concurrency, whole: true },
  multipartThreshold: { min: SETTINGS_LIMITS.multipartThreshold.min / MIB, max: SETTINGS_LIMITS.multipartThreshold.max / MIB, whole: false },
  partSize: { min: SETTINGS_LIMITS.partSize.min / MIB, max: SETTINGS_LIMITS.partSize.max / MIB, whole: false },
} as const satisfies Record<string, TypedBounds>;

/** `bytes` in MiB as the field shows it: `64`, `8.5` (at most two decimals). */
export function mibText(bytes: number): string {
  return String(Math.round((bytes / MIB) * 100) / 100);
}

/** A typed number within `bounds`, or undefined. */
export function parseTyped(text: string, bounds: TypedBounds): number | undefined {
  const value = text.trim();
  if (!(bounds.whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(value)) return undefined;
  const number = Number(value);
  return number >= bounds.min && number <= bounds.max ? number : undefined;
}

/** Typed MiB as whole bytes (the host takes integers). */
export function bytesOfMib(mib: number): number {
  return Math.round(mib * MIB);
}
