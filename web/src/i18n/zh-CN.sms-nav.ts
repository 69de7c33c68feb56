/** The menu word of the text-message page (in the app's own Chinese part: the menu shows before the pages load). */
export const zhCNSmsNav = {
  nav_sms: '短信',
} as const;
