import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { SHARE_ITEMS, type ShareItem } from '@trellis/domain';
import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import type { MentorshipFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { SHARE_ITEM_LABELS } from './labels';
import { MentorshipQuery, SetMentorshipSharingMutation } from './mentoringOperations';

/** The mentee chooses what this mentor sees; each switch takes effect at once (revoking has Undo). */
export function MentorshipSharing({ mentorship }: { mentorship: MentorshipFieldsFragment }) {
  const toast = useToast();
  const [save, { loading }] = useMutation(SetMentorshipSharingMutation, { refetchQueries: [MentorshipQuery] });
  const [failure, setFailure] = useState<string | null>(null);
  const sharing = mentorship.sharing;
  const mentorName = mentorship.mentor?.name ?? 'Your mentor';

  const apply = async (next: Record<ShareItem, boolean>, version: number) => {
    setFailure(null);
    try {
      const result = await save({ variables: { input: { mentorshipId: mentorship.id, expectedVersion: version, ...next } } });
      return result.data?.setMentorshipSharing.version ?? null;
    } catch (err) {
      setFailure(describeError(err));
      return null;
    }
  };
  const toggle = async (item: ShareItem, on: boolean) => {
    const before = { plan: sharing.plan, planComments: sharing.planComments, assessments: sharing.assessments, checkIns: sharing.checkIns, evidence: sharing.evidence };
    const version = await apply({ ...before, [item]: on }, mentorship.version);
    if (version !== null && !on) {
      toast.show({ message: `${mentorName} no longer sees ${SHARE_ITEM_LABELS[item].toLowerCase()}.`, action: { label: 'Undo', onClick: () => void apply(before, version) } });
    }
  };
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          What {mentorName} sees
        </Title>
        <Text size="sm" c="dimmed">
          Nothing unless you switch it on. Changes take effect at once; every time they look, it shows in your plan's "Who looked".
        </Text>
        {SHARE_ITEMS.map((item) => (
          <Switch
            key={item}
            label={SHARE_ITEM_LABELS[item]}
            checked={sharing[item]}
            disabled={loading || (item !== 'plan' && item !== 'assessments' && !sharing.plan) || (item === 'assessments' && sharing.plan)}
            onChange={(e) => void toggle(item, e.currentTarget.checked)}
          />
        ))}
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
