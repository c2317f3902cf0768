import { useMutation } from '@apollo/client/react';
import { applyDraftOperations, type DraftOperation, type FrameworkProblem } from '@trellis/domain';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { graphql } from '../../gql';
import { useToast } from '../../components/Toasts';
import { describeError, findApiError } from '../../lib/errors';
import { toDocument, toOperationInput, type Draft } from './draft';

export const EditFrameworkDraftMutation = graphql(`
  mutation EditFrameworkDraft($frameworkId: ID!, $expectedRevision: Int!, $operations: [DraftOperationInput!]!) {
    editFrameworkDraft(frameworkId: $frameworkId, expectedRevision: $expectedRevision, operations: $operations) {
      ...DraftFields
    }
  }
`);

/** Why an edit was not saved, in words; `conflict` when someone else changed the same thing first. */
export interface EditFailure {
  message: string;
  conflict: boolean;
}

export interface ApplyOptions {
  /** Offer an Undo in a notification that says this (destructive edits). */
  undoMessage?: string;
}

export interface DraftEditor {
  draft: Draft;
  document: ReturnType<typeof toDocument>;
  saving: boolean;
  /** The last edit that was refused, until the next edit succeeds or it is dismissed. */
  failure: EditFailure | null;
  dismissFailure: () => void;
  /** Sends operations with the draft's revision. Resolves true when saved; false when refused (the failure says why). */
  apply: (operations: DraftOperation[], options?: ApplyOptions) => Promise<boolean>;
}

function problemsText(problems: FrameworkProblem[]): string {
  return problems.map((p) => p.message).join('; ');
}

/**
 * Editing a draft: every edit is checked locally with the domain's rules, sent as operations
 * naming the revision it was made on, and its result replaces the draft in the cache. A CONFLICT
 * (someone changed the same thing first) keeps the server's message up and reloads the draft;
 * forms keep what was typed because `apply` resolves false.
 */
export function useDraftEditor(draft: Draft, reload: () => Promise<unknown>): DraftEditor {
  const [mutate, { loading }] = useMutation(EditFrameworkDraftMutation);
  const [failure, setFailure] = useState<EditFailure | null>(null);
  const toast = useToast();
  const document = useMemo(() => toDocument(draft), [draft]);
  // An edit (and an Undo clicked later) goes on top of whatever the draft is by then.
  const latest = useRef({ draft, document });
  useLayoutEffect(() => {
    latest.current = { draft, document };
  }, [draft, document]);
  const sendLater = useRef<(operations: DraftOperation[]) => Promise<boolean>>(async () => false);

  const send = useCallback(
    async (operations: DraftOperation[], options: ApplyOptions = {}): Promise<boolean> => {
      const { draft: current, document: currentDocument } = latest.current;
      const local = applyDraftOperations(currentDocument, operations);
      if ('problems' in local) {
        setFailure({ message: problemsText(local.problems), conflict: false });
        return false;
      }
      try {
        await mutate({
          variables: { frameworkId: current.frameworkId, expectedRevision: current.revision, operations: operations.map(toOperationInput) },
        });
      } catch (error) {
        const conflict = findApiError(error, 'CONFLICT') !== undefined;
        setFailure({ message: describeError(error), conflict });
        if (conflict) await reload().catch(() => undefined);
        return false;
      }
      setFailure(null);
      if (options.undoMessage) {
        const undo = local.undo;
        toast.show({
          message: options.undoMessage,
          action: {
            label: 'Undo',
            onClick: async () => {
              if (!(await sendLater.current(undo))) throw new Error('The undo was not saved: see the message above the editor.');
            },
          },
        });
      }
      return true;
    },
    [mutate, reload, toast],
  );
  useLayoutEffect(() => {
    sendLater.current = send;
  }, [send]);

  return {
    draft,
    document,
    saving: loading,
    failure,
    dismissFailure: () => setFailure(null),
    apply: send,
  };
}
