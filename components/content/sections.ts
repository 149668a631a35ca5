import type { ContentSection } from '@/server/content/schema';

/** How each Markdown section is named and introduced on the site. */
export const SECTIONS: Record<ContentSection, { label: string; path: string; lead: string }> = {
  policies: {
    label: '政策法规',
    path: '/policies',
    lead: '守信联合激励和失信联合惩戒、信用修复等方面的政策文件及本网站编写的要点解读。',
  },
  news: {
    label: '新闻动态',
    path: '/news',
    lead: '全市社会信用体系建设的工作动态、通报和活动。',
  },
  guides: {
    label: '办事指南',
    path: '/guides',
    lead: '如何对公示信息提出异议、如何申请信用修复：条件、材料、时限和办理渠道。以上事项均免费办理。',
  },
};
