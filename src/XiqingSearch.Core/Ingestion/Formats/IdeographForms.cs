namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// The ideograph each CJK radicals-supplement form (U+2E80–U+2EFF), Kangxi radical (U+2F00–U+2FD5) and CJK
/// compatibility ideograph (U+F900–U+FAFF) stands for (Unicode's EquivalentUnifiedIdeograph.txt and NFKC/NFC
/// decompositions, written out because the build runs with invariant globalization, where
/// <see cref="string.Normalize()"/> leaves non-ASCII text as it is). PDF fonts often map a glyph back to one of these
/// look-alikes; a reader sees the ideograph.
/// </summary>
internal static class IdeographForms
{
    private const string Kangxi =
        "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手" +
        "支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳" +
        "聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯" +
        "鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

    /// <summary>
    /// U+2E80–U+2EFF, the CJK Radicals Supplement, each as the unified ideograph Unicode's
    /// EquivalentUnifiedIdeograph.txt names for it (⺠ 民, ⻄ 西, ⻜ 飞, ⻑ 長). An ideographic space marks a code point
    /// with no entry or whose equivalent lies outside the BMP (⺪ U+24D14): one UTF-16 unit must stay one unit, so
    /// highlight offsets in the stored text stay exact; those stay as they are.
    /// </summary>
    private const string RadicalsSupplement =
        "　厂乛乚乙亻冂　刀刂卜㔾小小兀尣尢　巳幺彑彐忄心扌攵　旡日月歺母" +
        "民氵氺灬爫爫丬牛犭王　目示礻　糹纟罓罒㓁冗　羊　　耂肀聿肉　艹艹" +
        "艹虎衤覀西见角　讠贝　车辶辶辶邑钅長镸长门　阝雨青韦页风飞食　飠" +
        "饣　马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟　　　　　　　　　　　　";

    private const string Compatibility =
        "豈更車賈滑串句龜龜契金喇奈懶癩羅蘿螺裸邏樂洛烙珞落酪駱亂卵欄爛蘭鸞嵐濫藍襤拉臘蠟廊朗浪狼郎來冷勞擄櫓爐盧老蘆虜路露魯鷺碌祿綠菉錄" +
        "鹿論壟弄籠聾牢磊賂雷壘屢樓淚漏累縷陋勒肋凜凌稜綾菱陵讀拏樂諾丹寧怒率異北磻便復不泌數索參塞省葉說殺辰沈拾若掠略亮兩凉梁糧良諒量勵" +
        "呂女廬旅濾礪閭驪麗黎力曆歷轢年憐戀撚漣煉璉秊練聯輦蓮連鍊列劣咽烈裂說廉念捻殮簾獵令囹寧嶺怜玲瑩羚聆鈴零靈領例禮醴隸惡了僚寮尿料樂" +
        "燎療蓼遼龍暈阮劉杻柳流溜琉留硫紐類六戮陸倫崙淪輪律慄栗率隆利吏履易李梨泥理痢罹裏裡里離匿溺吝燐璘藺隣鱗麟林淋臨立笠粒狀炙識什茶刺" +
        "切度拓糖宅洞暴輻行降見廓兀嗀﨎﨏塚﨑晴﨓﨔凞猪益礼神祥福靖精羽﨟蘒﨡諸﨣﨤逸都﨧﨨﨩飯飼館鶴郞隷侮僧免勉勤卑喝嘆器塀墨層屮悔慨憎" +
        "懲敏既暑梅海渚漢煮爫琢碑社祉祈祐祖祝禍禎穀突節練縉繁署者臭艹艹著褐視謁謹賓贈辶逸難響頻恵𤋮舘﩮﩯並况全侀充冀勇勺喝啕喙嗢塚墳奄奔" +
        "婢嬨廒廙彩徭惘慎愈憎慠懲戴揄搜摒敖晴朗望杖歹殺流滛滋漢瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱節类絛練缾者荒華蝹襁覆視調諸請謁諾諭謹" +
        "變贈輸遲醙鉶陼難靖韛響頋頻鬒龜𢡊𢡄𣏕㮝䀘䀹𥉉𥳐𧻓齃龎﫚﫛﫜﫝﫞﫟﫠﫡﫢﫣﫤﫥﫦﫧﫨﫩﫪﫫﫬﫭﫮﫯﫰﫱﫲﫳﫴﫵﫶﫷﫸﫹﫺﫻﫼﫽﫾﫿";

    /// <summary>The ideograph <paramref name="c"/> stands for, or null when it is not a radical or compatibility form.</summary>
    public static char? Unified(char c) => c switch
    {
        >= '\u2E80' and <= '\u2EFF' when RadicalsSupplement[c - '\u2E80'] != '\u3000' => RadicalsSupplement[c - '\u2E80'],
        >= '\u2F00' and <= '\u2FD5' => Kangxi[c - '\u2F00'],
        >= '\uF900' and <= '\uFAFF' when Compatibility[c - '\uF900'] != c => Compatibility[c - '\uF900'],
        _ => null,
    };
}
