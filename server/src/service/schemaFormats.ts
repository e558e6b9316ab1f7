// The formats the schema uses, for the validator generated at build time (see
// server/src/build/schemaValidator.ts): the generated code calls `SCHEMA_FORMATS.date.validate`.
import { parseDay } from './dates';

export const SCHEMA_FORMATS = {
  // A date is what parseDay reads (every rule reads dates with it): a real day in years 1000–9999.
  date: { type: 'string' as const, validate: (text: string): boolean => parseDay(text) !== undefined },
};
