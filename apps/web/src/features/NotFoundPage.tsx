import { NotFoundState } from '../components/QueryStates';

export function NotFoundPage() {
  return (
    <NotFoundState
      title="Page not found"
      message="There is nothing at this address. Check the link, or start again from your frameworks."
      backTo="/frameworks"
      backLabel="Go to frameworks"
    />
  );
}
