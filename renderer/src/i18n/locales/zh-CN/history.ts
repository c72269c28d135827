import type { Catalog } from '../../catalog.js';
import type { history as en } from '../en/history.js';

/** 历史记录界面的用语。 */
export const history: Catalog<typeof en> = {
  title: '历史记录',
  intro: '所有已完成的上传，最新的在前。',
  search: {
    label: '搜索',
    placeholder: '文件名、对象名或存储桶',
    help: '在对象名、源文件路径和存储桶中查找。',
  },
  caption: '已完成的上传',
  columns: {
    file: '文件',
    key: '对象名',
    destination: '存储桶',
    size: '大小',
    finishedAt: '完成时间',
    link: '链接',
  },
  link: {
    copy: '复制链接',
    copyOf: '复制链接：{{name}}',
    open: '打开',
    openOf: '打开链接：{{name}}',
    none: '无链接',
    expires: '有效期至 {{time}}',
    expired: '已于 {{time}} 过期',
    public: '公开',
  },
  loadMore: '加载更多',
  loadingMore: '加载中…',
  loading: '正在读取历史记录…',
  shown_one: '显示了一条上传记录。',
  shown_other: '显示了 {{count}} 条上传记录。',
  shownMore_one: '显示了一条上传记录，还有更早的记录。',
  shownMore_other: '显示了 {{count}} 条上传记录，还有更早的记录。',
  emptyTitle: '还没有上传记录',
  emptyBody: '上传完成的文件会连同链接显示在这里。',
  noMatchTitle: '没有与“{{text}}”匹配的记录',
  noMatchBody: '试试文件名、对象名或存储桶的一部分。',
  failed: '无法读取历史记录。',
};
