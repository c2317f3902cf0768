/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MyDataAccess {\n    myDataAccess(limit: 50) {\n      id\n      at\n      action\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyDataAccessDocument,
    "\n  fragment EditablePerson on Person {\n    id\n    name\n    email\n    jobTitle\n    active\n    accessRole\n    version\n    team {\n      id\n      path\n    }\n    manager {\n      id\n      name\n    }\n    currentRole {\n      id\n      title\n    }\n  }\n": typeof types.EditablePersonFragmentDoc,
    "\n  query AdminPersonEdit($id: ID!) {\n    person(id: $id) {\n      ...EditablePerson\n    }\n    teams {\n      id\n      path\n    }\n    people(includeLeft: true) {\n      id\n      name\n      active\n    }\n    frameworks {\n      id\n      key\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminPersonEditDocument,
    "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...EditablePerson\n    }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation CreatePasswordResetLink($personId: ID!) {\n    createPasswordResetLink(personId: $personId) {\n      link\n      expiresAt\n    }\n  }\n": typeof types.CreatePasswordResetLinkDocument,
    "\n  query AuditLog($before: DateTime, $limit: Int!) {\n    auditEvents(before: $before, limit: $limit) {\n      id\n      at\n      action\n      summary\n      ipAddress\n      userAgent\n      actor {\n        id\n        name\n      }\n      subjectPerson {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation PreviewPeopleImport($csv: String!) {\n    previewPeopleImport(csv: $csv) {\n      ok\n      creates\n      updates\n      unchanged\n      teamsToCreate\n      problems {\n        line\n        column\n        message\n      }\n      rows {\n        line\n        name\n        email\n        teamPath\n        action\n      }\n    }\n  }\n": typeof types.PreviewPeopleImportDocument,
    "\n  mutation ImportPeople($csv: String!) {\n    importPeople(csv: $csv) {\n      created\n      updated\n      unchanged\n      teamsCreated\n    }\n  }\n": typeof types.ImportPeopleDocument,
    "\n  query PeopleCsv {\n    peopleCsv\n  }\n": typeof types.PeopleCsvDocument,
    "\n  fragment InvitationFields on Invitation {\n    id\n    name\n    email\n    accessRole\n    status\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n    }\n  }\n": typeof types.InvitationFieldsFragmentDoc,
    "\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query InviteFormOptions {\n    teams {\n      id\n      path\n    }\n    people {\n      id\n      name\n    }\n  }\n": typeof types.InviteFormOptionsDocument,
    "\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      emailed\n      link\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n": typeof types.InvitePersonDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query FrameworkBrowser($id: ID!) {\n    framework(id: $id) {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n        tracks {\n          id\n          key\n          name\n          kind\n          description\n          roles {\n            id\n            key\n            title\n            level\n            band\n          }\n        }\n        transitions {\n          id\n          kind\n          typicalMonths\n          guidance\n          from {\n            id\n            title\n          }\n          to {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.FrameworkBrowserDocument,
    "\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n      }\n    }\n  }\n": typeof types.FrameworksDocument,
    "\n  query CareerRoute($fromRoleId: ID!, $toRoleId: ID!) {\n    careerRoute(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      found\n      reason\n      message\n      profileSource\n      totalMonths\n      totalShortfall\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        kind\n        typicalMonths\n        guidance\n        shortfall\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        gaps {\n          skill {\n            id\n            name\n          }\n          requiredLevel\n          currentLevel\n          shortfall\n        }\n        missingQualifications {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CareerRouteDocument,
    "\n  query ClosestRoles($roleId: ID!) {\n    closestRoles(roleId: $roleId, limit: 5) {\n      profileSource\n      roles {\n        role {\n          id\n          title\n        }\n        shortfall\n        metSkillCount\n        expectedSkillCount\n      }\n    }\n  }\n": typeof types.ClosestRolesDocument,
    "\n  query PathViewer {\n    viewer {\n      person {\n        id\n        currentRole {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.PathViewerDocument,
    "\n  query RoleComparison($fromRoleId: ID!, $toRoleId: ID!) {\n    roleComparison(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      changes {\n        skill {\n          id\n          name\n        }\n        fromLevel\n        toLevel\n        difference\n        fromDescriptor\n        toDescriptor\n      }\n    }\n  }\n": typeof types.RoleComparisonDocument,
    "\n  query People($search: String, $teamId: ID, $includeLeft: Boolean!) {\n    people(search: $search, teamId: $teamId, includeLeft: $includeLeft) {\n      id\n      name\n      email\n      jobTitle\n      active\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n      }\n      currentRole {\n        id\n        title\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  query TeamOptions {\n    teams {\n      id\n      name\n      path\n    }\n  }\n": typeof types.TeamOptionsDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      email\n      jobTitle\n      active\n      startDate\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n        jobTitle\n      }\n      reports {\n        id\n        name\n        jobTitle\n        active\n      }\n      currentRole {\n        id\n        title\n        level\n        track {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PersonPageDocument,
    "\n  query MyPlan {\n    myPlan {\n      id\n      status\n      version\n      revision\n      reviewDueOn\n      reviewState\n      sentBackComment\n      targetRole {\n        id\n        title\n      }\n      actions {\n        id\n        type\n        title\n        description\n        status\n        skillKeys\n      }\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n    frameworks {\n      id\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.MyPlanDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlanFromTarget(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation ProposePlan($input: PlanVersionInput!) {\n    proposePlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n": typeof types.ProposePlanDocument,
    "\n  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {\n    updatePlanAction(input: $input) {\n      id\n      version\n      actions {\n        id\n        status\n      }\n    }\n  }\n": typeof types.UpdatePlanActionDocument,
    "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n  }\n": typeof types.RecordCheckInDocument,
    "\n  query TeamPlans {\n    teamPlans {\n      overdue\n      waitingForAgreement\n      person {\n        id\n        name\n      }\n      plan {\n        id\n        status\n        version\n        reviewDueOn\n        reviewState\n        targetRole {\n          id\n          title\n        }\n        readiness {\n          shareMet\n        }\n      }\n    }\n  }\n": typeof types.TeamPlansDocument,
    "\n  mutation AgreePlan($input: PlanVersionInput!) {\n    agreePlan(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n    }\n  }\n": typeof types.AgreePlanDocument,
    "\n  mutation SendBackPlan($input: SendBackPlanInput!) {\n    sendBackPlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n": typeof types.SendBackPlanDocument,
    "\n  query RolePage($id: ID!) {\n    role(id: $id) {\n      id\n      key\n      title\n      level\n      band\n      summary\n      responsibilities\n      track {\n        id\n        name\n        kind\n      }\n      frameworkVersion {\n        id\n        number\n        status\n        framework {\n          id\n          name\n        }\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n      }\n      expectations {\n        id\n        level\n        descriptor\n        skill {\n          id\n          key\n          name\n          description\n          category {\n            id\n            key\n            name\n          }\n          levels {\n            level\n            name\n            descriptor\n          }\n        }\n      }\n      qualifications {\n        requirement\n        qualification {\n          id\n          key\n          name\n          provider\n          url\n          validityMonths\n        }\n      }\n      transitionsOut {\n        id\n        kind\n        typicalMonths\n        guidance\n        to {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n      transitionsIn {\n        id\n        kind\n        typicalMonths\n        guidance\n        from {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.RolePageDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      organisationName\n      expiresAt\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...ViewerFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...ViewerFields\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  fragment ViewerFields on Viewer {\n    accessRole\n    isManager\n    organisation {\n      id\n      name\n      slug\n    }\n    person {\n      id\n      name\n      email\n      jobTitle\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query TeamTree {\n    teams {\n      id\n      name\n      path\n      parent {\n        id\n      }\n      people {\n        id\n        name\n        jobTitle\n        active\n      }\n    }\n  }\n": typeof types.TeamTreeDocument,
};
const documents: Documents = {
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query MyDataAccess {\n    myDataAccess(limit: 50) {\n      id\n      at\n      action\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n": types.MyDataAccessDocument,
    "\n  fragment EditablePerson on Person {\n    id\n    name\n    email\n    jobTitle\n    active\n    accessRole\n    version\n    team {\n      id\n      path\n    }\n    manager {\n      id\n      name\n    }\n    currentRole {\n      id\n      title\n    }\n  }\n": types.EditablePersonFragmentDoc,
    "\n  query AdminPersonEdit($id: ID!) {\n    person(id: $id) {\n      ...EditablePerson\n    }\n    teams {\n      id\n      path\n    }\n    people(includeLeft: true) {\n      id\n      name\n      active\n    }\n    frameworks {\n      id\n      key\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminPersonEditDocument,
    "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...EditablePerson\n    }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation CreatePasswordResetLink($personId: ID!) {\n    createPasswordResetLink(personId: $personId) {\n      link\n      expiresAt\n    }\n  }\n": types.CreatePasswordResetLinkDocument,
    "\n  query AuditLog($before: DateTime, $limit: Int!) {\n    auditEvents(before: $before, limit: $limit) {\n      id\n      at\n      action\n      summary\n      ipAddress\n      userAgent\n      actor {\n        id\n        name\n      }\n      subjectPerson {\n        id\n        name\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation PreviewPeopleImport($csv: String!) {\n    previewPeopleImport(csv: $csv) {\n      ok\n      creates\n      updates\n      unchanged\n      teamsToCreate\n      problems {\n        line\n        column\n        message\n      }\n      rows {\n        line\n        name\n        email\n        teamPath\n        action\n      }\n    }\n  }\n": types.PreviewPeopleImportDocument,
    "\n  mutation ImportPeople($csv: String!) {\n    importPeople(csv: $csv) {\n      created\n      updated\n      unchanged\n      teamsCreated\n    }\n  }\n": types.ImportPeopleDocument,
    "\n  query PeopleCsv {\n    peopleCsv\n  }\n": types.PeopleCsvDocument,
    "\n  fragment InvitationFields on Invitation {\n    id\n    name\n    email\n    accessRole\n    status\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n    }\n  }\n": types.InvitationFieldsFragmentDoc,
    "\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n": types.InvitationsDocument,
    "\n  query InviteFormOptions {\n    teams {\n      id\n      path\n    }\n    people {\n      id\n      name\n    }\n  }\n": types.InviteFormOptionsDocument,
    "\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      emailed\n      link\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n": types.InvitePersonDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query FrameworkBrowser($id: ID!) {\n    framework(id: $id) {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n        tracks {\n          id\n          key\n          name\n          kind\n          description\n          roles {\n            id\n            key\n            title\n            level\n            band\n          }\n        }\n        transitions {\n          id\n          kind\n          typicalMonths\n          guidance\n          from {\n            id\n            title\n          }\n          to {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.FrameworkBrowserDocument,
    "\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n      }\n    }\n  }\n": types.FrameworksDocument,
    "\n  query CareerRoute($fromRoleId: ID!, $toRoleId: ID!) {\n    careerRoute(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      found\n      reason\n      message\n      profileSource\n      totalMonths\n      totalShortfall\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        kind\n        typicalMonths\n        guidance\n        shortfall\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        gaps {\n          skill {\n            id\n            name\n          }\n          requiredLevel\n          currentLevel\n          shortfall\n        }\n        missingQualifications {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CareerRouteDocument,
    "\n  query ClosestRoles($roleId: ID!) {\n    closestRoles(roleId: $roleId, limit: 5) {\n      profileSource\n      roles {\n        role {\n          id\n          title\n        }\n        shortfall\n        metSkillCount\n        expectedSkillCount\n      }\n    }\n  }\n": types.ClosestRolesDocument,
    "\n  query PathViewer {\n    viewer {\n      person {\n        id\n        currentRole {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.PathViewerDocument,
    "\n  query RoleComparison($fromRoleId: ID!, $toRoleId: ID!) {\n    roleComparison(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      changes {\n        skill {\n          id\n          name\n        }\n        fromLevel\n        toLevel\n        difference\n        fromDescriptor\n        toDescriptor\n      }\n    }\n  }\n": types.RoleComparisonDocument,
    "\n  query People($search: String, $teamId: ID, $includeLeft: Boolean!) {\n    people(search: $search, teamId: $teamId, includeLeft: $includeLeft) {\n      id\n      name\n      email\n      jobTitle\n      active\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n      }\n      currentRole {\n        id\n        title\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  query TeamOptions {\n    teams {\n      id\n      name\n      path\n    }\n  }\n": types.TeamOptionsDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      email\n      jobTitle\n      active\n      startDate\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n        jobTitle\n      }\n      reports {\n        id\n        name\n        jobTitle\n        active\n      }\n      currentRole {\n        id\n        title\n        level\n        track {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PersonPageDocument,
    "\n  query MyPlan {\n    myPlan {\n      id\n      status\n      version\n      revision\n      reviewDueOn\n      reviewState\n      sentBackComment\n      targetRole {\n        id\n        title\n      }\n      actions {\n        id\n        type\n        title\n        description\n        status\n        skillKeys\n      }\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n    frameworks {\n      id\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.MyPlanDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlanFromTarget(input: $input) {\n      id\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation ProposePlan($input: PlanVersionInput!) {\n    proposePlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n": types.ProposePlanDocument,
    "\n  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {\n    updatePlanAction(input: $input) {\n      id\n      version\n      actions {\n        id\n        status\n      }\n    }\n  }\n": types.UpdatePlanActionDocument,
    "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n  }\n": types.RecordCheckInDocument,
    "\n  query TeamPlans {\n    teamPlans {\n      overdue\n      waitingForAgreement\n      person {\n        id\n        name\n      }\n      plan {\n        id\n        status\n        version\n        reviewDueOn\n        reviewState\n        targetRole {\n          id\n          title\n        }\n        readiness {\n          shareMet\n        }\n      }\n    }\n  }\n": types.TeamPlansDocument,
    "\n  mutation AgreePlan($input: PlanVersionInput!) {\n    agreePlan(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n    }\n  }\n": types.AgreePlanDocument,
    "\n  mutation SendBackPlan($input: SendBackPlanInput!) {\n    sendBackPlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n": types.SendBackPlanDocument,
    "\n  query RolePage($id: ID!) {\n    role(id: $id) {\n      id\n      key\n      title\n      level\n      band\n      summary\n      responsibilities\n      track {\n        id\n        name\n        kind\n      }\n      frameworkVersion {\n        id\n        number\n        status\n        framework {\n          id\n          name\n        }\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n      }\n      expectations {\n        id\n        level\n        descriptor\n        skill {\n          id\n          key\n          name\n          description\n          category {\n            id\n            key\n            name\n          }\n          levels {\n            level\n            name\n            descriptor\n          }\n        }\n      }\n      qualifications {\n        requirement\n        qualification {\n          id\n          key\n          name\n          provider\n          url\n          validityMonths\n        }\n      }\n      transitionsOut {\n        id\n        kind\n        typicalMonths\n        guidance\n        to {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n      transitionsIn {\n        id\n        kind\n        typicalMonths\n        guidance\n        from {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.RolePageDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      organisationName\n      expiresAt\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...ViewerFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...ViewerFields\n    }\n  }\n": types.SignUpDocument,
    "\n  fragment ViewerFields on Viewer {\n    accessRole\n    isManager\n    organisation {\n      id\n      name\n      slug\n    }\n    person {\n      id\n      name\n      email\n      jobTitle\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": types.ViewerDocument,
    "\n  query TeamTree {\n    teams {\n      id\n      name\n      path\n      parent {\n        id\n      }\n      people {\n        id\n        name\n        jobTitle\n        active\n      }\n    }\n  }\n": types.TeamTreeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataAccess {\n    myDataAccess(limit: 50) {\n      id\n      at\n      action\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyDataAccess {\n    myDataAccess(limit: 50) {\n      id\n      at\n      action\n      summary\n      actor {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditablePerson on Person {\n    id\n    name\n    email\n    jobTitle\n    active\n    accessRole\n    version\n    team {\n      id\n      path\n    }\n    manager {\n      id\n      name\n    }\n    currentRole {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment EditablePerson on Person {\n    id\n    name\n    email\n    jobTitle\n    active\n    accessRole\n    version\n    team {\n      id\n      path\n    }\n    manager {\n      id\n      name\n    }\n    currentRole {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPersonEdit($id: ID!) {\n    person(id: $id) {\n      ...EditablePerson\n    }\n    teams {\n      id\n      path\n    }\n    people(includeLeft: true) {\n      id\n      name\n      active\n    }\n    frameworks {\n      id\n      key\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPersonEdit($id: ID!) {\n    person(id: $id) {\n      ...EditablePerson\n    }\n    teams {\n      id\n      path\n    }\n    people(includeLeft: true) {\n      id\n      name\n      active\n    }\n    frameworks {\n      id\n      key\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...EditablePerson\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...EditablePerson\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePasswordResetLink($personId: ID!) {\n    createPasswordResetLink(personId: $personId) {\n      link\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePasswordResetLink($personId: ID!) {\n    createPasswordResetLink(personId: $personId) {\n      link\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($before: DateTime, $limit: Int!) {\n    auditEvents(before: $before, limit: $limit) {\n      id\n      at\n      action\n      summary\n      ipAddress\n      userAgent\n      actor {\n        id\n        name\n      }\n      subjectPerson {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($before: DateTime, $limit: Int!) {\n    auditEvents(before: $before, limit: $limit) {\n      id\n      at\n      action\n      summary\n      ipAddress\n      userAgent\n      actor {\n        id\n        name\n      }\n      subjectPerson {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewPeopleImport($csv: String!) {\n    previewPeopleImport(csv: $csv) {\n      ok\n      creates\n      updates\n      unchanged\n      teamsToCreate\n      problems {\n        line\n        column\n        message\n      }\n      rows {\n        line\n        name\n        email\n        teamPath\n        action\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewPeopleImport($csv: String!) {\n    previewPeopleImport(csv: $csv) {\n      ok\n      creates\n      updates\n      unchanged\n      teamsToCreate\n      problems {\n        line\n        column\n        message\n      }\n      rows {\n        line\n        name\n        email\n        teamPath\n        action\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPeople($csv: String!) {\n    importPeople(csv: $csv) {\n      created\n      updated\n      unchanged\n      teamsCreated\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPeople($csv: String!) {\n    importPeople(csv: $csv) {\n      created\n      updated\n      unchanged\n      teamsCreated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleCsv {\n    peopleCsv\n  }\n"): (typeof documents)["\n  query PeopleCsv {\n    peopleCsv\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationFields on Invitation {\n    id\n    name\n    email\n    accessRole\n    status\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationFields on Invitation {\n    id\n    name\n    email\n    accessRole\n    status\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteFormOptions {\n    teams {\n      id\n      path\n    }\n    people {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query InviteFormOptions {\n    teams {\n      id\n      path\n    }\n    people {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      emailed\n      link\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      emailed\n      link\n      invitation {\n        ...InvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrameworkBrowser($id: ID!) {\n    framework(id: $id) {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n        tracks {\n          id\n          key\n          name\n          kind\n          description\n          roles {\n            id\n            key\n            title\n            level\n            band\n          }\n        }\n        transitions {\n          id\n          kind\n          typicalMonths\n          guidance\n          from {\n            id\n            title\n          }\n          to {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FrameworkBrowser($id: ID!) {\n    framework(id: $id) {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n        tracks {\n          id\n          key\n          name\n          kind\n          description\n          roles {\n            id\n            key\n            title\n            level\n            band\n          }\n        }\n        transitions {\n          id\n          kind\n          typicalMonths\n          guidance\n          from {\n            id\n            title\n          }\n          to {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Frameworks {\n    frameworks {\n      id\n      key\n      name\n      description\n      currentVersion {\n        id\n        number\n        status\n        publishedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CareerRoute($fromRoleId: ID!, $toRoleId: ID!) {\n    careerRoute(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      found\n      reason\n      message\n      profileSource\n      totalMonths\n      totalShortfall\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        kind\n        typicalMonths\n        guidance\n        shortfall\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        gaps {\n          skill {\n            id\n            name\n          }\n          requiredLevel\n          currentLevel\n          shortfall\n        }\n        missingQualifications {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CareerRoute($fromRoleId: ID!, $toRoleId: ID!) {\n    careerRoute(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      found\n      reason\n      message\n      profileSource\n      totalMonths\n      totalShortfall\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        kind\n        typicalMonths\n        guidance\n        shortfall\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        gaps {\n          skill {\n            id\n            name\n          }\n          requiredLevel\n          currentLevel\n          shortfall\n        }\n        missingQualifications {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClosestRoles($roleId: ID!) {\n    closestRoles(roleId: $roleId, limit: 5) {\n      profileSource\n      roles {\n        role {\n          id\n          title\n        }\n        shortfall\n        metSkillCount\n        expectedSkillCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClosestRoles($roleId: ID!) {\n    closestRoles(roleId: $roleId, limit: 5) {\n      profileSource\n      roles {\n        role {\n          id\n          title\n        }\n        shortfall\n        metSkillCount\n        expectedSkillCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PathViewer {\n    viewer {\n      person {\n        id\n        currentRole {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PathViewer {\n    viewer {\n      person {\n        id\n        currentRole {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleComparison($fromRoleId: ID!, $toRoleId: ID!) {\n    roleComparison(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      changes {\n        skill {\n          id\n          name\n        }\n        fromLevel\n        toLevel\n        difference\n        fromDescriptor\n        toDescriptor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleComparison($fromRoleId: ID!, $toRoleId: ID!) {\n    roleComparison(fromRoleId: $fromRoleId, toRoleId: $toRoleId) {\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      changes {\n        skill {\n          id\n          name\n        }\n        fromLevel\n        toLevel\n        difference\n        fromDescriptor\n        toDescriptor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($search: String, $teamId: ID, $includeLeft: Boolean!) {\n    people(search: $search, teamId: $teamId, includeLeft: $includeLeft) {\n      id\n      name\n      email\n      jobTitle\n      active\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n      }\n      currentRole {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query People($search: String, $teamId: ID, $includeLeft: Boolean!) {\n    people(search: $search, teamId: $teamId, includeLeft: $includeLeft) {\n      id\n      name\n      email\n      jobTitle\n      active\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n      }\n      currentRole {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamOptions {\n    teams {\n      id\n      name\n      path\n    }\n  }\n"): (typeof documents)["\n  query TeamOptions {\n    teams {\n      id\n      name\n      path\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      email\n      jobTitle\n      active\n      startDate\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n        jobTitle\n      }\n      reports {\n        id\n        name\n        jobTitle\n        active\n      }\n      currentRole {\n        id\n        title\n        level\n        track {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id\n      name\n      email\n      jobTitle\n      active\n      startDate\n      accessRole\n      team {\n        id\n        path\n      }\n      manager {\n        id\n        name\n        jobTitle\n      }\n      reports {\n        id\n        name\n        jobTitle\n        active\n      }\n      currentRole {\n        id\n        title\n        level\n        track {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPlan {\n    myPlan {\n      id\n      status\n      version\n      revision\n      reviewDueOn\n      reviewState\n      sentBackComment\n      targetRole {\n        id\n        title\n      }\n      actions {\n        id\n        type\n        title\n        description\n        status\n        skillKeys\n      }\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n    frameworks {\n      id\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPlan {\n    myPlan {\n      id\n      status\n      version\n      revision\n      reviewDueOn\n      reviewState\n      sentBackComment\n      targetRole {\n        id\n        title\n      }\n      actions {\n        id\n        type\n        title\n        description\n        status\n        skillKeys\n      }\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n    frameworks {\n      id\n      name\n      currentVersion {\n        id\n        roles {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlanFromTarget(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlanFromTarget(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposePlan($input: PlanVersionInput!) {\n    proposePlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n"): (typeof documents)["\n  mutation ProposePlan($input: PlanVersionInput!) {\n    proposePlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {\n    updatePlanAction(input: $input) {\n      id\n      version\n      actions {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlanAction($input: UpdatePlanActionInput!) {\n    updatePlanAction(input: $input) {\n      id\n      version\n      actions {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCheckIn($input: RecordCheckInInput!) {\n    recordCheckIn(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n      checkIns {\n        id\n        reflection\n        recordedAt\n      }\n      readiness {\n        shareMet\n        totalShortfall\n        forecast {\n          kind\n          reason\n          monthsToReady\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPlans {\n    teamPlans {\n      overdue\n      waitingForAgreement\n      person {\n        id\n        name\n      }\n      plan {\n        id\n        status\n        version\n        reviewDueOn\n        reviewState\n        targetRole {\n          id\n          title\n        }\n        readiness {\n          shareMet\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamPlans {\n    teamPlans {\n      overdue\n      waitingForAgreement\n      person {\n        id\n        name\n      }\n      plan {\n        id\n        status\n        version\n        reviewDueOn\n        reviewState\n        targetRole {\n          id\n          title\n        }\n        readiness {\n          shareMet\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgreePlan($input: PlanVersionInput!) {\n    agreePlan(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n    }\n  }\n"): (typeof documents)["\n  mutation AgreePlan($input: PlanVersionInput!) {\n    agreePlan(input: $input) {\n      id\n      status\n      version\n      reviewDueOn\n      reviewState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendBackPlan($input: SendBackPlanInput!) {\n    sendBackPlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n"): (typeof documents)["\n  mutation SendBackPlan($input: SendBackPlanInput!) {\n    sendBackPlan(input: $input) {\n      id\n      status\n      version\n      sentBackComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolePage($id: ID!) {\n    role(id: $id) {\n      id\n      key\n      title\n      level\n      band\n      summary\n      responsibilities\n      track {\n        id\n        name\n        kind\n      }\n      frameworkVersion {\n        id\n        number\n        status\n        framework {\n          id\n          name\n        }\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n      }\n      expectations {\n        id\n        level\n        descriptor\n        skill {\n          id\n          key\n          name\n          description\n          category {\n            id\n            key\n            name\n          }\n          levels {\n            level\n            name\n            descriptor\n          }\n        }\n      }\n      qualifications {\n        requirement\n        qualification {\n          id\n          key\n          name\n          provider\n          url\n          validityMonths\n        }\n      }\n      transitionsOut {\n        id\n        kind\n        typicalMonths\n        guidance\n        to {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n      transitionsIn {\n        id\n        kind\n        typicalMonths\n        guidance\n        from {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RolePage($id: ID!) {\n    role(id: $id) {\n      id\n      key\n      title\n      level\n      band\n      summary\n      responsibilities\n      track {\n        id\n        name\n        kind\n      }\n      frameworkVersion {\n        id\n        number\n        status\n        framework {\n          id\n          name\n        }\n        proficiencyScale {\n          level\n          name\n          summary\n        }\n      }\n      expectations {\n        id\n        level\n        descriptor\n        skill {\n          id\n          key\n          name\n          description\n          category {\n            id\n            key\n            name\n          }\n          levels {\n            level\n            name\n            descriptor\n          }\n        }\n      }\n      qualifications {\n        requirement\n        qualification {\n          id\n          key\n          name\n          provider\n          url\n          validityMonths\n        }\n      }\n      transitionsOut {\n        id\n        kind\n        typicalMonths\n        guidance\n        to {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n      transitionsIn {\n        id\n        kind\n        typicalMonths\n        guidance\n        from {\n          id\n          title\n          level\n          track {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      organisationName\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      name\n      organisationName\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    accessRole\n    isManager\n    organisation {\n      id\n      name\n      slug\n    }\n    person {\n      id\n      name\n      email\n      jobTitle\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    accessRole\n    isManager\n    organisation {\n      id\n      name\n      slug\n    }\n    person {\n      id\n      name\n      email\n      jobTitle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamTree {\n    teams {\n      id\n      name\n      path\n      parent {\n        id\n      }\n      people {\n        id\n        name\n        jobTitle\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamTree {\n    teams {\n      id\n      name\n      path\n      parent {\n        id\n      }\n      people {\n        id\n        name\n        jobTitle\n        active\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;