#!/usr/bin/env python3
"""Writes the hand-made golden inputs: edge-cases.txt (one line per edge-case family of spec §13/§15) and
fuzz.txt (random mixtures of seed snippets and edge characters, fixed seed). Run once; the outputs are
committed byte-exact, with their oracle TSVs from regenerate.sh."""
import glob, os, random

here = os.path.dirname(os.path.abspath(__file__))
seeds_dir = os.path.join(here, '..', '..', '..', '..', 'seeds')

han = '中华人民共和国西青区发展规划经济社会建设推进全面加强提升服务管理企业项目'
edge = [
    '\uFEFF全角ＡbＣ１2３ ２０２３年 Ｈｅｌｌｏ ＷＯＲＬＤ ｘ１ ＦＦ１０',
    'Running cities generalizations happy relational replacement effective controll caresses agreed hopping sky rate ies aed',
    'IS THE Running QUICKLY ran runs nationalization Organizations digitization DIGITAL',
    '3.14 1,234.56 50% ５０％ 12.5%的增长 0.001 -7 +8 1e10 第1章 2023年12月31日 GDP增长5.2% 100万元',
    '!!!???。。。，，，、、；；——……《》（）【】［］｛｝「」『』〈〉',
    'Hello. World. 中国。 Test! ok? 发展。《规划》 1. 发展 2.《规划》 "quoted." \'single.\' He said "Go!" Then.',
    '结束。  大写 A. B. c. 中。“引号”后 !Ｘ ？ Yes.) No.] Maybe.” 好。」 好!? 好?! a.b.c. e.g. i.e. U.S. Mr. Smith',
    'End.  (Open) End.「开」 End. ‘q’ End.\u3000开始 End.\u00A0Next 1.\t2. 3.\u2028Four',
    '中 国 人 民 中\u3000国\u3000人\u3000民 人\t民 发 展 规 划 社  会   发    展',
    '我😀们 𠀀𠀁𠮷野家 👍🏽 🇨🇳🇺🇸 👨\u200d👩\u200d👧 ❤️ 1️⃣',
    '〇 二〇二三年 NBSP:a\u00A0b 中\u00A0国 café é ß αβγ Привет ПРИВЕТ',
    'a\u000Bb\u000Cc 中\u000B国 \u0001\u0002\u0003 x\u001Fy \u0000z',
    '前\u2028后\u2029再\u0085又\uFFFF末 A.\uFFFFB \uFFFF',
    '\t\t中国\t人民\t',
    '',
    '   ',
    '\u3000\u3000',
    '㐀㐁 龦鿿 豈 ・ ㎡ ￥100 ¥100 €5 ℃ ① Ⅲ ⅰ カタカナ ひらがな 한국어 · — “”',
    'नमस्ते। ॥ test। Done',
    'A.\u200dB 中\u200d国 x\uFEFFy 中\uFEFF国 a\u0301b e\u0301.',
    'x. 鿽 x. \U0002A6DE x. 𝅩 x.\U0001D169 Y 中.\U00031350 Z 中。\U0002EBF0',
    'The U.S.A. is big. the end. THE END.',
    '１．２ ３。４ ５！６ ｅｎｄ． Ｎｅｘｔ',
    '"Hi." "Bye!" (done.) [x?] {y!}',
    '中国人民银行 中华人民共和国 全国人民代表大会 西青区人民政府办公室 社会主义现代化国家',
]
# Chunker (§3) edge lines.
long_han = (han * 60)[:3000]
edge.append(long_han)                                   # > 1024 units, no punctuation
edge.append(han[:1] * 0 + (han * 30)[:1023] + '😀' + (han * 3)[:50])  # pair straddling unit 1024
edge.append((han * 30)[:1023] + '。')                 # 1023 Han + 。
edge.append((han * 30)[:1023] + '😀')                 # 1023 Han + emoji
edge.append(('abc def ' * 200)[:1500] + '\u2028' + (han * 20)[:600])  # safe-end inside the first chunk
edge.append(('abcdefgh' * 200)[:1030])                # Latin run cut at 1024
edge.append(('12345678' * 200)[:1030])                # digit run cut at 1024
edge.append((han * 30)[:1022] + '中国人民')          # word cut at 1024
edge.append(('中国. ' * 300)[:1500])                  # many sentences across the cut
edge.append('\u0085'.join([han[:10]] * 150))           # NEL safe-ends
edge.append(('x' * 1023) + '😀' + 'y')               # Latin then straddling pair

with open(os.path.join(here, 'edge-cases.txt'), 'w', encoding='utf-8', newline='') as f:
    # Mixed line ends on purpose: LF, CR LF and CR.
    ends = ['\n', '\r\n', '\r']
    for i, line in enumerate(edge):
        f.write(line + ends[i % 3])

# Fuzz: random mixtures of seed snippets and edge characters (fixed seed: the file never changes).
rng = random.Random(20240118)
corpus = ''
for p in sorted(glob.glob(os.path.join(seeds_dir, '*.txt'))):
    with open(p, encoding='utf-8') as f:
        corpus += f.read().replace('\r', '').replace('\n', '')
pieces = list(' 　\t.。!?！？,，、；：“”《》（）()"\'-—…·〇 \u00A0é5５Ａa Z%％😀𠮷🇨🇳\u200d\u2028\u2029\u0085\uFFFF\u000B\u000C0123456789ABCxyz') + [
    'running ', 'Cities. ', 'ＡＢＣ', '２０２４', '3.14', '1,234', 'e.g. ', 'U.S. ', ' A. ', '. The ', '。 ', '! 《',
]
lines = []
for _ in range(3000):
    parts = []
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        if r < 0.55:
            start = rng.randrange(len(corpus) - 60)
            parts.append(corpus[start:start + rng.randint(1, 40)])
        else:
            parts.append(''.join(rng.choice(pieces) for _ in range(rng.randint(1, 4))))
    lines.append(''.join(parts))
with open(os.path.join(here, 'fuzz.txt'), 'w', encoding='utf-8', newline='') as f:
    f.write('\n'.join(lines) + '\n')
