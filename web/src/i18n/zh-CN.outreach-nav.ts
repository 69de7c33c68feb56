/** The menu words of 三治 and the donor report, and the outbox's name of a training entry: in the app's own Chinese part (the menu shows before the pages load). */
export const zhCNOutreachNav = {
  nav_health: '健康检查',
  nav_training: '培训',
  nav_public_reports: '公开报告',
  f_kind_training: '培训',
} as const;
