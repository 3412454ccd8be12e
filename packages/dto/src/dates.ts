import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day written YYYY-MM-DD (a day, not an instant: no time zone can shift it). */
export function CalendarDate(name: string): PropertyDecorator {
  return applyDecorators(IsString({ message: `${name} must be a date YYYY-MM-DD` }), Matches(CALENDAR_DATE, { message: `${name} must be a date YYYY-MM-DD` }));
}
