import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for the notification tests: it accepts, refuses (451, a
// temporary failure) or stalls (never answers MAIL FROM), and hands back every accepted
// message parsed by mailparser.

export type SmtpMode = 'accept' | 'refuse' | 'stall';

export interface TestSmtp {
  url: string;
  mode: SmtpMode;
  received: ParsedMail[];
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = { url: '', mode: 'accept', received: [], close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true,
    onMailFrom(_address, _session, callback) {
      if (state.mode === 'stall') return; // never answers: the client must time out
      if (state.mode === 'refuse') {
        const err = Object.assign(new Error('邮箱服务器暂时不可用'), { responseCode: 451 });
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
