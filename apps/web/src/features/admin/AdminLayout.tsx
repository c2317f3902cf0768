import { NoAccessState } from '../../components/QueryStates';
import { TabbedSection } from '../../components/TabbedSection';
import { isAdmin, useSignedInViewer } from '../session/viewer';

const sections = [
  { to: '/admin/getting-started', label: 'Getting started' },
  { to: '/admin/people', label: 'People' },
  { to: '/admin/invitations', label: 'Invitations' },
  { to: '/admin/import', label: 'Import' },
  { to: '/admin/single-sign-on', label: 'Single sign-on' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/approvers', label: 'Plan approvers' },
  { to: '/admin/reports', label: 'Reports' },
  { to: '/admin/mentoring', label: 'Mentoring' },
];

/** The admin area: only admins get past this; everyone else is told plainly why not. */
export function AdminLayout() {
  const viewer = useSignedInViewer();
  if (!isAdmin(viewer)) {
    return (
      <NoAccessState
        title="You need admin rights"
        message="This part of Trellis is for your organisation's admins (the PMO lead). If you need something changed, ask one of them."
      />
    );
  }
  return <TabbedSection label="Admin" tabs={sections} />;
}
