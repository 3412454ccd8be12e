import { maxLength, required } from 'react-admin';
import type { Validator } from 'react-admin';

/** Rejects input that is only whitespace; returns a translation key like every validator here. */
export const notBlank: Validator = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.trim() === '' ? 'app.validation.blank' : undefined;

const text = [required(), notBlank, maxLength(200)];

export const validateName = text;
export const validateMunicipality = text;
export const validateKreis = [notBlank, maxLength(200)];
export const validateLand = required();
export const validateHousingCompany = text;
export const validateProgramme = required();
