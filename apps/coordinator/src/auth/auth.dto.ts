import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CLEARANCES, Clearance, OPERATOR_ROLES, OperatorRole } from './operator';

export class LoginDto {
  @ApiProperty({ type: String, example: 'officer' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ type: String, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

export class OperatorDto {
  @ApiProperty({ type: String })
  username: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ enum: OPERATOR_ROLES, isArray: true })
  roles: OperatorRole[];

  @ApiProperty({ enum: CLEARANCES, description: 'Content marked above it is withheld.' })
  clearance: Clearance;

  @ApiPropertyOptional({ type: String, description: "A service account's agency." })
  agency?: string;

  @ApiProperty({ enum: ['person', 'service'] })
  kind: 'person' | 'service';
}

export class SessionDto {
  @ApiProperty({
    type: String,
    description:
      'Session token: send it as `Authorization: Bearer <token>` (the response also sets the `icb_session` cookie).',
  })
  token: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: () => OperatorDto })
  user: OperatorDto;
}
