import { formatDate } from '../rules/format';
import { WORKDAY_DEFAULTS } from '../rules/workdays';

// What an applicant is told by e-mail, in Chinese: each message names the application, says
// what happened and what comes next, and links to /track. A status message never carries the
// query code (a forwarded or leaked e-mail must not open the application); only the message
// that reissues a code does, and the code is put in at sending time (QUERY_CODE_SLOT).

export type NotificationEvent = 'submitted' | 'accepted' | 'refused' | 'decided' | 'query_code_reissued';

export interface ApplicationFacts {
  trackingNumber: string;
  kind: 'objection' | 'repair' | 'complaint';
  applicantName: string;
  subjectName: string;
  departmentName: string;
  acceptDueOn: string | null;
  decideDueOn: string | null;
  decisionLabel: string | null;
  decisionReasons: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
}

/** Where the reissued code goes; replaced by the sender, never stored in clear. */
export const QUERY_CODE_SLOT = '{{查询码}}';

const KIND = { objection: '异议', repair: '信用修复', complaint: '投诉' } as const;

export function trackingLink(origin: string, trackingNumber: string): string {
  return `${origin}/track?no=${encodeURIComponent(trackingNumber)}`;
}

export function renderApplicationMail(event: NotificationEvent, f: ApplicationFacts, origin: string): RenderedMail {
  const kind = KIND[f.kind];
  const head = `${f.applicantName}：\n\n您好！`;
  const about = `受理编号：${f.trackingNumber}\n涉及主体：${f.subjectName}\n办理部门：${f.departmentName}`;
  const link = trackingLink(origin, f.trackingNumber);
  const track = `查看办理进度：${link}\n（查询时请输入受理编号和提交申请时获得的查询码。本邮件不含查询码；查询码遗失的，可在该页面“找回查询码”。）`;
  const complaintHint =
    f.kind === 'objection'
      ? `\n\n对答复不满意的，可自答复之日起 15 个工作日内向市联席会议办公室投诉：${origin}/apply/complaint`
      : '';
  const foot =
    '\n\n信用修复和异议申请均不收取任何费用，请勿相信任何收费“修复”服务。\n本邮件由信用乐山自动发送，请勿直接回复。';
  const mail = (subject: string, body: string): RenderedMail => ({
    subject: `【信用乐山】${subject}（${f.trackingNumber}）`,
    text: `${head}${body}\n\n${about}\n\n${track}${foot}`,
  });
  switch (event) {
    case 'submitted':
      return mail(
        `已收到您的${kind}申请`,
        `信用乐山已收到您的${kind}申请。办理部门将在 ${WORKDAY_DEFAULTS.acceptWithin} 个工作日内${f.acceptDueOn ? `（${formatDate(f.acceptDueOn)}前）` : ''}决定是否受理，受理后会再通知您。`,
      );
    case 'accepted':
      return mail(
        `您的${kind}申请已受理`,
        `您的${kind}申请已受理，办理部门应于${f.decideDueOn ? formatDate(f.decideDueOn) : ''}前作出决定。${f.kind === 'repair' ? '' : '处理期间相关信息标注“异议处理中”，暂停联合惩戒。'}`,
      );
    case 'refused':
      return mail(
        `您的${kind}申请不予受理`,
        `您的${kind}申请不予受理。\n理由：${f.decisionReasons ?? '见办理进度页面'}${complaintHint}`,
      );
    case 'decided':
      return mail(
        `您的${kind}申请已办结`,
        `您的${kind}申请已办结。\n决定：${f.decisionLabel ?? '见办理进度页面'}\n理由：${f.decisionReasons ?? '见办理进度页面'}${complaintHint}`,
      );
    case 'query_code_reissued':
      return {
        subject: `【信用乐山】您的新查询码（${f.trackingNumber}）`,
        text: `${head}根据您在办理进度查询页面的请求，已为下列申请重新发放查询码：\n\n新查询码：${QUERY_CODE_SLOT}\n\n原查询码已失效。如果不是您本人操作，请联系办理部门。\n\n${about}\n\n查看办理进度：${link}${foot}`,
      };
  }
}
