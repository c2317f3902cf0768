export * from './framework/document.js';
export {
  validateFramework,
  formatProblemPath,
  type FrameworkProblem,
  type FrameworkValidationResult,
} from './framework/validate.js';
export { pmoFramework } from './framework/pmo-framework.js';
export { frameworkDocumentJsonSchema } from './framework/json-schema.js';
export { canonicalFrameworkDocument } from './framework/canonical.js';
export {
  diffFrameworks,
  type DiffPartKind,
  type FieldChange,
  type DiffItem,
  type DiffSection,
  type FrameworkDiff,
} from './framework/diff.js';
export {
  migrationQuestions,
  planVersionMigration,
  type MigrationPartKind,
  type MigrationChoice,
  type MigrationQuestion,
  type MigrationProblem,
  type VersionMigrationPlan,
} from './framework/migration.js';
export {
  impactOfChange,
  type ImpactPerson,
  type ImpactMapping,
  type ExpectationChange,
  type RoleImpact,
} from './framework/impact.js';
export {
  expectationsGridRecords,
  applyExpectationsGrid,
  spreadsheetColumn,
  GRID_ROLE_COLUMN,
  GRID_TITLE_COLUMN,
  type GridProblem,
  type GridImportResult,
} from './framework/expectations-grid.js';
export {
  compareRoles,
  orderedTrackRoles,
  getRole,
  expectedLevel,
  compareText,
  UnknownRoleError,
  type RoleComparison,
  type SkillExpectationChange,
} from './framework/roles.js';
export {
  buildRoleGraph,
  roleGaps,
  closestRoles,
  findCheapestRoute,
  planRoute,
  roleProfile,
  type NoRouteReason,
  type RouteResult,
  type SkillProfile,
  type SkillGap,
  type RoleGraph,
  type RoleFit,
  type ClosestRolesOptions,
  type RouteOptions,
  type RouteStep,
  type Route,
} from './framework/paths.js';
export {
  normaliseEmail,
  isEmailAddress,
  passwordProblems,
  MIN_PASSWORD_LENGTH,
  MAX_PASSWORD_LENGTH,
  ACCESS_ROLES,
  ACCESS_ROLE_DESCRIPTIONS,
  accessRoleSchema,
  isAccessRole,
  type AccessRole,
} from './people/accounts.js';
export {
  TEAM_PATH_SEPARATOR,
  MAX_TEAM_NAME_LENGTH,
  parseTeamPath,
  formatTeamPath,
  teamNameProblem,
  teamPathOf,
  teamPaths,
  buildTeamTree,
  type TeamLike,
  type TeamTree,
  type TeamTreeNode,
  type TeamTreeProblem,
  type TeamTreeProblemKind,
} from './people/teams.js';
export {
  PEOPLE_CSV_COLUMNS,
  REQUIRED_PEOPLE_CSV_COLUMNS,
  isPeopleCsvColumn,
  peopleCsvColumnOf,
  guardSpreadsheetCell,
  unguardSpreadsheetCell,
  peopleCsvRecords,
  type PeopleCsvColumn,
  type PeopleCsvOptions,
} from './people/people-csv.js';
export {
  planPeopleImport,
  MAX_PERSON_NAME_LENGTH,
  MAX_JOB_TITLE_LENGTH,
  type ExistingPerson,
  type ImportRole,
  type PeopleImportRecord,
  type PeopleImportInput,
  type PeopleImportContext,
  type PeopleImportProblem,
  type PlannedPersonAction,
  type PlannedPersonRow,
  type PeopleImportPlan,
} from './people/people-import.js';
export {
  draftOperationSchema,
  parseDraftOperation,
  applyDraftOperation,
  applyDraftOperations,
  operationTarget,
  targetsOverlap,
  describeOperation,
  slugify,
  uniqueKey,
  ladderOf,
  blankFrameworkDocument,
  DRAFT_OPERATION_KINDS,
  type DraftOperation,
  type DraftOperationInput,
  type DraftOperationKind,
  type DraftOperationResult,
} from './framework/draft-operations.js';
