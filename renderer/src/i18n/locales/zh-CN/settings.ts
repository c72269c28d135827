import type { Catalog } from '../../catalog.js';
import type { settings as en } from '../en/settings.js';

/** 设置界面的用语，以及它与配置表单共用的链接有效期选择器。 */
export const settings: Catalog<typeof en> = {
  title: '设置',
  intro: '每项修改都会立即保存（数字和文本在离开输入框或按回车时保存）。',
  loading: '正在读取设置…',
  saved: '已保存。',
  saving: '正在保存…',
  saveFailed: '未保存。',
  transfers: {
    title: '传输',
    whenApplied: '更改立即生效：调高并行文件数会马上开始更多上传，调低时正在进行的上传会先完成。新的分片上传阈值或分片大小适用于此后开始的文件。',
    concurrency: { label: '同时上传的文件数', help: '{{min}} 到 {{max}}。并非越多越快：几路并发通常就能占满带宽。' },
    multipartThreshold: { label: '超过此大小时分片上传（MiB）', help: '大于此值的文件分片上传，失败后可续传。{{min}} 到 {{max}} MiB；填 0 表示所有文件都分片上传。' },
    partSize: { label: '分片大小（MiB）', help: '{{min}} 到 {{max}} MiB；超大文件会自动增大分片（最多 10,000 个分片）。' },
  },
  links: {
    title: '链接',
    defaultExpiry: { label: '新链接的有效期', help: '“新建链接”界面创建链接时的默认值；最长 7 天，这是 V4 签名允许的上限。' },
    copyLinkOnFinish: { label: '上传完成时把分享链接复制到剪贴板', help: '每批上传中最后一个文件的链接。' },
  },
  desktop: {
    title: '通知与快捷键',
    notifications: { label: '上传完成或失败时显示通知', help: '在浏览器模式下，第一次拖入文件时浏览器会请求通知权限。' },
    shortcut: {
      label: '上传剪贴板内容的全局快捷键',
      help: 'Electron 快捷键写法，例如 {{example}}。留空表示不设置。',
      browserOnly: '只有桌面应用能监听全局快捷键；此设置会为桌面应用保留。',
    },
  },
  appearance: {
    title: '外观',
    theme: '主题',
    themes: {
      system: '跟随系统',
      light: '浅色',
      dark: '深色',
    },
    language: '语言',
  },
  validation: {
    wholeNumber: '请输入 {{min}} 到 {{max}} 之间的整数。',
    mebibytes: '请输入 {{min}} 到 {{max}} 之间的 MiB 数。',
    expiry: '请输入 1 秒到 7 天之间的有效期。',
    shortcut: '请使用不含空格的可打印字符，最多 {{max}} 个，例如 {{example}}。',
  },
  expiry: {
    presets: {
      '300': '5 分钟',
      '900': '15 分钟',
      '3600': '1 小时',
      '86400': '1 天',
      '604800': '7 天（最长）',
    },
    custom: '自定义…',
    amount: '自定义有效期',
    unit: '单位',
    units: {
      seconds: '秒',
      minutes: '分钟',
      hours: '小时',
      days: '天',
    },
  },
};
