/**
 * The drop page's own words, in every language it speaks: what is written into its HTML (the markup
 * texts) and what its script writes while it runs (drop-page-config.ts). `{name}` marks a value put in.
 * The page stands alone, away from the app's catalogs, so it keeps its own small table.
 */
import type { Language } from '../../../shared/ipc/settings.js';
import type { DropPageScriptTexts } from './drop-page-config.js';

/** The words written into the page's HTML. */
export interface DropPageMarkupTexts {
  /** The window title and the heading. */
  readonly title: string;
  /** `{target}`: bucket/key. */
  readonly intro: string;
  /** `{time}`: the expiry, local time. */
  readonly validUntil: string;
  /** `{key}`. */
  readonly storedAs: string;
  readonly dropHere: string;
  readonly orChoose: string;
  /** The drop area's name for screen readers (it is a button that opens the file picker). */
  readonly dropAreaLabel: string;
  readonly fileInputLabel: string;
  readonly upload: string;
  readonly cancel: string;
  readonly progressLabel: string;
  readonly noScript: string;
  readonly corsTitle: string;
  readonly corsBody: string;
  /** `{origin}`: where the file goes. */
  readonly footer: string;
}

/** All the words of one language. */
export interface DropPageTexts {
  readonly markup: DropPageMarkupTexts;
  readonly script: DropPageScriptTexts;
}

const CORS_RULE = 'AllowedOrigin * (a page opened from a file has the origin “null”), AllowedMethod PUT, AllowedHeader *, ExposeHeader ETag';
const CORS_RULE_ZH = 'AllowedOrigin 为 *（从本地文件打开的页面，来源为 “null”）、AllowedMethod 包含 PUT、AllowedHeader 为 *、ExposeHeader 包含 ETag';

const en: DropPageTexts = {
  markup: {
    title: 'Upload a file',
    intro: 'This is a Dropsign upload link: the file you choose goes to {target}.',
    validUntil: 'Valid until {time}',
    storedAs: 'It is stored as {key}, whatever the file is called on your computer.',
    dropHere: 'Drop a file here',
    orChoose: 'or click to choose one',
    dropAreaLabel: 'Choose a file to upload, or drop one here',
    fileInputLabel: 'File to upload',
    upload: 'Upload',
    cancel: 'Cancel',
    progressLabel: 'Upload progress',
    noScript: 'This page needs JavaScript to upload the file.',
    corsTitle: 'If the upload cannot reach the bucket',
    corsBody: `The bucket must allow this page by CORS: ${CORS_RULE}. Only the bucket’s owner can change that.`,
    footer: 'Made with Dropsign. The file goes straight to {origin} and nowhere else.',
  },
  script: {
    countdown: '(expires in {duration})',
    days: '{n} d',
    hours: '{n} h',
    minutes: '{n} min',
    seconds: '{n} s',
    expired: 'This link expired at {time}: it can no longer upload. Ask whoever sent it for a new one.',
    chosen: 'Ready to upload {name} ({size}) as {key}.',
    oneFile: 'Drop one file at a time.',
    tooLarge: '{name} is {size}; one upload takes at most {max}.',
    uploading: 'Uploading {name}…',
    progress: '{sent} of {total} · {percent} · {speed}',
    speed: '{size}/s',
    done: 'Done: {size} uploaded as {target}.',
    etag: 'ETag: {etag}',
    noEtag: 'The bucket did not show this page the ETag (its CORS rules do not expose it).',
    callbackFailed: 'The file is stored, but the sender’s server was not told: {message}',
    cancelled: 'Cancelled: nothing was stored.',
    failedExpired: 'The bucket refused the upload: the link has expired. Ask whoever sent it for a new one.',
    failedDenied: 'The bucket refused the upload (access denied): the key that signed the link may have lost its permission or been disabled. Tell whoever sent it.',
    failedSignature: 'The bucket refused the upload: it does not match what the link signed, so the link was probably changed on the way. Ask whoever sent it for the page again.',
    failedExists: 'Something is already stored as {key}, and this link may not replace it. Ask whoever sent it for a link to another name.',
    failedNetwork: `The upload did not reach the bucket: the connection failed, or the bucket does not allow this page (CORS). If your connection works, tell whoever sent the page that the bucket’s CORS rules must allow it: ${CORS_RULE}.`,
    failedOther: 'The bucket refused the upload (HTTP {status}).',
    answer: 'The bucket answered: {answer}',
  },
};

const zhCN: DropPageTexts = {
  markup: {
    title: '上传文件',
    intro: '这是一个 Dropsign 上传链接：你选择的文件将上传到 {target}。',
    validUntil: '有效期至 {time}',
    storedAs: '无论文件在你的电脑上叫什么名字，它都将保存为 {key}。',
    dropHere: '将文件拖放到这里',
    orChoose: '或点击选择文件',
    dropAreaLabel: '选择要上传的文件，或将文件拖放到这里',
    fileInputLabel: '要上传的文件',
    upload: '上传',
    cancel: '取消',
    progressLabel: '上传进度',
    noScript: '此页面需要启用 JavaScript 才能上传文件。',
    corsTitle: '如果上传无法连接到存储桶',
    corsBody: `存储桶的跨域（CORS）规则必须允许此页面：${CORS_RULE_ZH}。只有存储桶的所有者可以修改这些规则。`,
    footer: '由 Dropsign 生成。文件直接发送到 {origin}，不会发往其他任何地方。',
  },
  script: {
    countdown: '（{duration}后过期）',
    days: '{n} 天',
    hours: '{n} 小时',
    minutes: '{n} 分钟',
    seconds: '{n} 秒',
    expired: '此链接已于 {time} 过期，无法再上传。请向发送者索取新链接。',
    chosen: '准备将 {name}（{size}）上传为 {key}。',
    oneFile: '一次只能拖放一个文件。',
    tooLarge: '{name} 大小为 {size}；单次上传最多 {max}。',
    uploading: '正在上传 {name}…',
    progress: '{sent} / {total} · {percent} · {speed}',
    speed: '{size}/秒',
    done: '完成：已上传 {size}，保存为 {target}。',
    etag: 'ETag：{etag}',
    noEtag: '存储桶没有向此页面提供 ETag（其跨域规则未暴露该响应头）。',
    callbackFailed: '文件已保存，但未能通知发送者的服务器：{message}',
    cancelled: '已取消：没有保存任何内容。',
    failedExpired: '存储桶拒绝了上传：链接已过期。请向发送者索取新链接。',
    failedDenied: '存储桶拒绝了上传（拒绝访问）：为链接签名的 AccessKey 可能已失去权限或已被禁用。请告知发送者。',
    failedSignature: '存储桶拒绝了上传：请求与链接的签名不符，链接可能在传递过程中被改动。请向发送者重新索取此页面。',
    failedExists: '{key} 已存在，而此链接不允许覆盖它。请向发送者索取指向其他名称的链接。',
    failedNetwork: `上传未能到达存储桶：网络连接失败，或存储桶的跨域（CORS）规则不允许此页面。如果你的网络正常，请告知发送者，存储桶的跨域规则必须允许此页面：${CORS_RULE_ZH}。`,
    failedOther: '存储桶拒绝了上传（HTTP {status}）。',
    answer: '存储桶的应答：{answer}',
  },
};

/** The page's words by language. */
export const DROP_PAGE_TEXTS: Readonly<Record<Language, DropPageTexts>> = { en, 'zh-CN': zhCN };
