import { IsBoolean, IsDateString, IsEmail, IsISO8601, IsJSON, IsUrl, IsUUID, validate } from 'class-validator';
import { isFieldProblemCode } from '@genq/contracts';
import { fieldProblems } from './errors';

/** One field per constraint whose class-validator name is not its decorator's (IsUUID is `isUuid`). */
class Constrained {
  @IsUUID('4', { message: 'must name a person (id)' })
  person = 'not-a-uuid';
  @IsISO8601()
  at = 'gestern';
  @IsDateString()
  on = 'morgen';
  @IsJSON()
  json = '{';
  @IsUrl()
  url = 'kein link';
  @IsEmail()
  email = 'kein@';
  @IsBoolean()
  flag = 'ja' as unknown as boolean;
}

describe('field problem codes of class-validator constraints', () => {
  it('has a catalogue entry for each constraint by its class-validator name, so none falls back to its English message', async () => {
    const problems = fieldProblems(await validate(new Constrained(), { stopAtFirstError: false }));
    expect(Object.fromEntries(problems.map((p) => [p.field, p.code]))).toEqual({
      person: 'validation.isUuid',
      at: 'validation.isIso8601',
      on: 'validation.isDateString',
      json: 'validation.isJson',
      url: 'validation.isUrl',
      email: 'validation.isEmail',
      flag: 'validation.isBoolean',
    });
    expect(problems.every((p) => isFieldProblemCode(p.code))).toBe(true);
  });
});
