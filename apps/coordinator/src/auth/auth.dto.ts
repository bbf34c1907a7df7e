import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CLEARANCES, Clearance, OPERATOR_ROLES, OperatorRole } from './operator';

export class LoginDto {
  /** @example "officer" */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

export class OperatorDto {
  username: string;

  name: string;

  @ApiProperty({ enum: OPERATOR_ROLES, isArray: true })
  roles: OperatorRole[];

  /** Content marked above it is withheld. */
  @ApiProperty({ enum: CLEARANCES })
  clearance: Clearance;

  /** A service account's agency. */
  agency?: string;

  @ApiProperty({ enum: ['person', 'service'] })
  kind: 'person' | 'service';
}

export class SessionDto {
  @ApiProperty({
    description:
      'Session token: send it as `Authorization: Bearer <token>` (the response also sets the `icb_session` cookie).',
  })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  user: OperatorDto;
}
