import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Props of a non-blocking notice. */
export interface NoticeProps {
  messages: string[];
  title: string;
  intent?: 'info' | 'warning';
}

/** Non-blocking notices (bad config ignored, keychain unavailable): shown, never in the way. */
export function Notice({ messages, title, intent = 'warning' }: NoticeProps) {
  if (messages.length === 0) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {messages.length === 1 ? (
          messages[0]
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
