import type { Catalog } from '../../catalog.js';
import type { common as en } from '../en/common.js';

/** 全局用语：导航、连接提示、通用按钮、单位。 */
export const common: Catalog<typeof en> = {
  appName: 'Dropsign',
  skipToContent: '跳到主要内容',
  nav: {
    label: '栏目',
    upload: '上传',
    newLink: '新建链接',
    links: '已签发链接',
    inspect: '检查链接',
    history: '历史记录',
    profiles: '配置',
    settings: '设置',
  },
  connection: {
    noToken: '此页面缺少访问令牌。请打开 `dropsign web` 在终端中打印的地址。',
    reconnecting: '正在重新连接 Dropsign…',
    lost: '无法连接 Dropsign。`dropsign web` 是否仍在运行？如果它已重启，请打开它新打印的地址。',
  },
  actions: {
    copy: '复制',
    copied: '已复制',
    cancel: '取消',
    close: '关闭',
    save: '保存',
    dismiss: '关闭提示',
    retry: '重试',
    remove: '移除',
    open: '打开',
  },
  copyFailed: '剪贴板拒绝了写入；请选中文本后手动复制。',
  notFound: '此地址没有内容。',
  goHome: '前往上传',
  loading: '加载中…',
  units: {
    bytes: { B: 'B', KB: 'KB', MB: 'MB', GB: 'GB', TB: 'TB' },
    perSecond: '{{value}}/秒',
    seconds: '{{count}} 秒',
    minutes: '{{count}} 分钟',
    hoursMinutes: '{{hours}} 小时 {{minutes}} 分钟',
    left: '剩余 {{duration}}',
  },
};
