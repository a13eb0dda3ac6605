// The customer intro email, drafted by the backend from the handoff, copied for the AE to send.
import { useState } from 'react';
import { Button, Flex, List, Text } from '@hubspot/ui-extensions';
import type { CardClient } from '../card-client';

export interface IntroEmailButtonProps {
  client: Pick<CardClient, 'introEmail'>;
  copy: (text: string) => Promise<void>;
}

export function IntroEmailButton({ client, copy }: IntroEmailButtonProps) {
  const [note, setNote] = useState<{ text: string; warnings: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const email = await client.introEmail();
      await copy(
        `To: ${email.to.join(', ')}\nCc: ${email.cc.join(', ')}\nSubject: ${email.subject}\n\n${email.body}`,
      );
      setNote({ text: 'Intro email copied: paste it into a new email.', warnings: email.warnings });
    } catch (error) {
      setNote({
        text: error instanceof Error ? error.message : 'The intro email could not be copied.',
        warnings: [],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex direction="column" gap="extra-small">
      <Button
        testId="copy-intro-email"
        variant="secondary"
        disabled={busy}
        onClick={() => void run()}
      >
        Copy intro email
      </Button>
      {note ? <Text testId="intro-email-note">{note.text}</Text> : null}
      {note && note.warnings.length > 0 ? (
        <List testId="intro-email-warnings">
          {note.warnings.map((warning) => (
            <Text key={warning} variant="microcopy">
              {warning}
            </Text>
          ))}
        </List>
      ) : null}
    </Flex>
  );
}
