// Text messages to applicants. No provider is wired: the portal has no contract with an SMS
// gateway, so there is no sender and nothing pretends to send. A provider (e.g. a government
// SMS platform) implements this interface and is returned by smsSender().

export interface SmsMessage {
  /** Mainland mobile number, 11 digits. */
  to: string;
  /** Template ID registered with the provider, and its parameters (gateways only send approved templates). */
  template: string;
  params: Record<string, string>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** The configured SMS sender, or null: none is configured in this deployment. */
export function smsSender(): SmsSender | null {
  return null;
}
