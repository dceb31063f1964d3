/** Tasks: requests to grant or revoke access, decided through policies. The top of the ladder. */

export {
  type CertifyBatch,
  type CertifyItem,
  certifyStepsOf,
  checkCertifySteps,
} from './certify-tasks.js';
export { requestableEntitlementsRoutes } from './requestable-entitlements.routes.js';
export {
  createRequestableEntitlementsService,
  type RequestableEntitlementsService,
} from './requestable-entitlements.service.js';
export type { TaskAuditRow, TaskRow } from './tasks.repository.js';
export { countOpenCertifyTasksByAssignee, findTaskById, listAudits } from './tasks.repository.js';
export { tasksRoutes } from './tasks.routes.js';
export { createTasksService, type TasksService } from './tasks.service.js';
