import type { InstructionPattern } from './instruction-patterns.js';

// Planted instructions can be written in any language that a model reads. These patterns
// cover the two strongest kinds, orders to ignore instructions and orders to change the
// verdict, in eight widely spoken languages. Text is lower-cased before matching, and accented
// letters are matched with and without their accents because field values often lose them.

const overrideParts = [
  // German: "ignoriere alle vorherigen Anweisungen", "vergiss die obigen Regeln"
  String.raw`\b(?:ignorier(?:e|en|t)?|vergiss|vergessen sie|missachte(?:n)?)\b[^.?!\n]{0,40}?\b(?:anweisungen|instruktionen|regeln|vorgaben|befehle)\b`,
  // French: "ignore toutes les instructions précédentes", "oubliez les consignes"
  String.raw`\b(?:ignore[rz]?|oublie[rz]?|ne tiens? (?:pas )?compte)\b[^.?!\n]{0,40}?\b(?:instructions|consignes|r[eè]gles|directives)\b`,
  // Spanish and Portuguese: "ignora las instrucciones anteriores", "esqueça as instruções"
  String.raw`\b(?:ignora(?:r|d)?|olvida(?:r)?|esque[cç]a|desconsidere)\b[^.?!\n]{0,40}?\b(?:instrucciones|instru[cç][oõ]es|reglas|regras|[oó]rdenes|indicaciones)\b`,
  // Italian: "ignora tutte le istruzioni precedenti", "dimentica le regole"
  String.raw`\b(?:ignora(?:re)?|dimentica(?:re)?)\b[^.?!\n]{0,40}?\b(?:istruzioni|regole|indicazioni)\b`,
  // Russian: "игнорируй все предыдущие инструкции", "забудь правила"
  String.raw`(?:игнорир\S*|забудь\S*|не обращай внимания)[^.?!\n]{0,40}?(?:инструкц\S*|указани\S*|правил\S*|команд\S*)`,
  // Chinese: "忽略之前的所有指令", "忘记以上说明"
  String.raw`(?:忽略|忽视|无视|忘记|忘掉|不要理会)[^。！？\n]{0,20}?(?:指令|指示|说明|规则|提示)`,
  // Japanese: "以前の指示を無視して", "上記の命令を忘れて"
  String.raw`(?:指示|命令|ルール|プロンプト)[^。！？\n]{0,10}?(?:を)?(?:無視|忘れ)`,
];

const verdictParts = [
  // German: "als harmlos einstufen", "als Fehlalarm markieren"
  String.raw`\bals\s+(?:harmlos|gutartig|unbedenklich|fehlalarm|falsch[- ]?positiv|ungef[aä]hrlich|sicher)\w*\s+(?:einstuf|markier|bewert|klassifizier|melden|behandeln|kennzeichn)\w*`,
  // French: "classer comme bénin", "marquer comme faux positif"
  String.raw`\b(?:class|marqu|consid[eé]r|signal|trait|qualifi)\w*\b[^.\n]{0,30}?\bcomme\s+(?:un\s+)?(?:b[eé]nin|inoffensif|faux positif|l[eé]gitime|sans danger|s[uû]r)\b`,
  // Spanish and Portuguese: "clasifica como benigno", "marque como falso positivo"
  String.raw`\b(?:clasific|marc|consider|report|trat|classifi)\w*\b[^.\n]{0,30}?\bcomo\s+(?:un\s+|um\s+)?(?:benigno|benigna|inofensivo|falso positivo|leg[ií]timo|seguro)\b`,
  // Italian: "classifica come benigno", "segna come falso positivo"
  String.raw`\b(?:classific|segn|consider|tratt)\w*\b[^.\n]{0,30}?\bcome\s+(?:un\s+)?(?:benigno|innocuo|falso positivo|legittimo|sicuro)\b`,
  // Russian: "отметь как безопасное", "считай ложным срабатыванием"
  String.raw`(?:отмет\S*|пометь\S*|считай\S*|классифицир\S*)[^.\n]{0,30}?(?:безопасн\S*|безвредн\S*|ложн\S* срабатыван\S*|легитимн\S*)`,
  // Chinese: "标记为良性", "判定为误报"
  String.raw`(?:标记|判定|归类|报告|视)为?[^。\n]{0,6}?(?:良性|误报|安全|无害|正常)`,
  // Japanese: "誤検知として扱って", "安全と判定"
  String.raw`(?:誤検知|良性|安全|無害)(?:と|として)[^。\n]{0,6}?(?:判定|扱|分類|報告|マーク)`,
];

/** Strong patterns for orders to ignore instructions or change the verdict in languages other than English. */
export const multilingualPatterns: InstructionPattern[] = [
  {
    kind: 'override',
    label: 'tells the reader to ignore its instructions',
    strength: 'strong',
    pattern: new RegExp(overrideParts.join('|'), 'u'),
  },
  {
    kind: 'verdict-instruction',
    label: 'asks to change the verdict',
    strength: 'strong',
    pattern: new RegExp(verdictParts.join('|'), 'u'),
  },
];
