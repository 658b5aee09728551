/**
 * A "What is this?" disclosure beside a control: a native <details>, so it opens with Enter or Space
 * and is announced as expandable without any script. Says what the choice means and when to choose it.
 */
import { HELP, type HelpTopic } from './help-texts';

export function HelpTip({ topic }: { topic: HelpTopic }) {
  const h = HELP[topic];
  return (
    <details className="help-tip" data-help={topic}>
      <summary>{h.question}</summary>
      <p>{h.means}</p>
      <p><strong>When to use it:</strong> {h.when}</p>
    </details>
  );
}
