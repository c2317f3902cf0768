import { Foundation1795628839576 } from './1795628839576-Foundation.js';
import { Identity1795630912074 } from './1795630912074-Identity.js';
import { TenantRowSecurity1795630912075 } from './1795630912075-TenantRowSecurity.js';
import { VersionPublisher1795633982068 } from './1795633982068-VersionPublisher.js';
import { FrameworkDrafts1795633983262 } from './1795633983262-FrameworkDrafts.js';
import { DevelopmentPlans1795634118590 } from './1795634118590-DevelopmentPlans.js';
import { TenantPolicyPerStatement1795640000000 } from './1795640000000-TenantPolicyPerStatement.js';
import { CheckInPrivateNote1795641000000 } from './1795641000000-CheckInPrivateNote.js';
import { AccountThrottles1795650100000 } from './1795650100000-AccountThrottles.js';
import { GlobalRowSecurity1795652000000 } from './1795652000000-GlobalRowSecurity.js';
import { Mentoring1795660000000 } from './1795660000000-Mentoring.js';
import { LeadershipReports1795670000000 } from './1795670000000-LeadershipReports.js';
import { FocusedPlans1795680000000 } from './1795680000000-FocusedPlans.js';
import { PlanApproversAndLinks1795681000000 } from './1795681000000-PlanApproversAndLinks.js';
import { FrameworkDocumentV21795690000000 } from './1795690000000-FrameworkDocumentV2.js';
import { GettingStarted1795700000000 } from './1795700000000-GettingStarted.js';
import { PlanReview1795720000000 } from './1795720000000-PlanReview.js';
import { SingleSignOn1795700100000 } from './1795700100000-SingleSignOn.js';
import { MentoringOversight1795710000000 } from './1795710000000-MentoringOversight.js';
import { ReportReadModels1795730000000 } from './1795730000000-ReportReadModels.js';
import { ReportViews1795780000000 } from './1795780000000-ReportViews.js';
import { AssessmentCurrent1795790000000 } from './1795790000000-AssessmentCurrent.js';
import { PackedReportRows1795820000000 } from './1795820000000-PackedReportRows.js';
import { ReportRefreshSeconds1795830000000 } from './1795830000000-ReportRefreshSeconds.js';

/** Every migration, in order. New migrations are appended here (see docs/ARCHITECTURE.md). */
export const migrations = [
  Foundation1795628839576,
  Identity1795630912074,
  TenantRowSecurity1795630912075,
  VersionPublisher1795633982068,
  FrameworkDrafts1795633983262,
  DevelopmentPlans1795634118590,
  TenantPolicyPerStatement1795640000000,
  CheckInPrivateNote1795641000000,
  AccountThrottles1795650100000,
  GlobalRowSecurity1795652000000,
  Mentoring1795660000000,
  LeadershipReports1795670000000,
  FocusedPlans1795680000000,
  PlanApproversAndLinks1795681000000,
  FrameworkDocumentV21795690000000,
  GettingStarted1795700000000,
  SingleSignOn1795700100000,
  MentoringOversight1795710000000,
  PlanReview1795720000000,
  ReportReadModels1795730000000,
  ReportViews1795780000000,
  AssessmentCurrent1795790000000,
  PackedReportRows1795820000000,
  ReportRefreshSeconds1795830000000,
];
