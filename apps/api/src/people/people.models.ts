import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { updatePersonInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

export enum AccessRoleValue {
  ADMIN = 'admin',
  LEADERSHIP = 'leadership',
  EMPLOYEE = 'employee',
}
registerEnumType(AccessRoleValue, {
  name: 'AccessRole',
  valuesMap: {
    ADMIN: { description: 'PMO lead: frameworks, people, settings.' },
    LEADERSHIP: { description: 'Organisation-wide reports.' },
    EMPLOYEE: { description: 'Everyone else; managers and mentors are relationships, not roles.' },
  },
});

@ObjectType({ description: 'Someone in the organisation.' })
export class Person {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field(() => String, { nullable: true }) startDate: string | null;
  @Field({ description: 'False once the person has left: their history stays, they cannot sign in.' }) active: boolean;
  @Field(() => AccessRoleValue) accessRole: AccessRoleValue;
  @Field(() => Int, { description: 'Increases with every change; updatePerson refuses a stale one.' }) version: number;
}

@ObjectType({ description: 'A team; teams nest.' })
export class Team {
  @Field(() => ID) id: string;
  @Field() name: string;
}

/** Who the request is signed in as: every field resolves from the request's session (see ViewerResolver). */
@ObjectType({ description: 'Who the request is signed in as.' })
export class Viewer {}

@InputType()
@InputSchema(updatePersonInputSchema)
export class UpdatePersonInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version the change was made from; a stale one is refused.' }) expectedVersion: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) teamId?: string | null;
  @Field(() => ID, { nullable: true }) managerId?: string | null;
  @Field(() => ID, { nullable: true }) currentRoleId?: string | null;
  @Field(() => AccessRoleValue, { nullable: true }) accessRole?: AccessRoleValue | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

export enum PeopleImportActionValue {
  CREATE = 'create',
  UPDATE = 'update',
  UNCHANGED = 'unchanged',
}
registerEnumType(PeopleImportActionValue, { name: 'PeopleImportAction' });

@ObjectType()
export class PeopleImportProblem {
  @Field(() => Int, { description: 'The line of the file (the header is line 1).' }) line: number;
  @Field(() => String, { nullable: true, description: 'The CSV column, such as manager_email; null for a problem with the whole line.' })
  column: string | null;
  @Field() message: string;
}

@ObjectType()
export class PeopleImportRow {
  @Field(() => Int) line: number;
  @Field() email: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) teamPath: string | null;
  @Field(() => PeopleImportActionValue) action: PeopleImportActionValue;
}

@ObjectType()
export class PeopleImportPreview {
  @Field() ok: boolean;
  @Field(() => [PeopleImportProblem]) problems: PeopleImportProblem[];
  @Field(() => [PeopleImportRow]) rows: PeopleImportRow[];
  @Field(() => Int) creates: number;
  @Field(() => Int) updates: number;
  @Field(() => Int) unchanged: number;
  @Field(() => [String]) teamsToCreate: string[];
}

@ObjectType()
export class PeopleImportResult {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) teamsCreated: number;
}
