export * from './framework/document.js';
export {
  validateFramework,
  formatProblemPath,
  type FrameworkProblem,
  type FrameworkValidationResult,
} from './framework/validate.js';
export { pmoFramework } from './framework/pmo-framework.js';
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
  type SkillProfile,
  type SkillGap,
  type RoleGraph,
  type RoleFit,
  type ClosestRolesOptions,
  type RouteOptions,
  type RouteStep,
  type Route,
} from './framework/paths.js';
