import { TabbedSection } from '../../components/TabbedSection';
import { isAdmin, useSignedInViewer } from '../session/viewer';

/** The mentoring area: my mentors, my mentees, my offer to mentor, finding a mentor, programmes. */
export function MentoringLayout() {
  const viewer = useSignedInViewer();
  const sections = [
    { to: '/mentoring/mentors', label: 'My mentors' },
    { to: '/mentoring/mentees', label: 'My mentees' },
    { to: '/mentoring/find', label: 'Find a mentor' },
    { to: '/mentoring/profile', label: 'Offer to mentor' },
    { to: '/mentoring/programmes', label: isAdmin(viewer) ? 'Programmes' : 'Programmes I can join' },
  ];
  return <TabbedSection label="Mentoring" tabs={sections} />;
}
