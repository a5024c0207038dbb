using System.Text;
using ICU4N.Text;

namespace XiqingSearch.Core.Tests.Analysis.Bigrams;

/// <summary>
/// Computes the variant table from its sources, independently of the engine: ICU's Traditional-Simplified
/// transliterator (one character in, one character out), Unicode's NFKC for Kangxi radicals and compatibility
/// ideographs, and Unicode's EquivalentUnifiedIdeograph.txt for the CJK Radicals Supplement (the entries whose
/// equivalent is a BMP ideograph, written out below), and the variant forms (峯 → 峰) of OpenCC's and Unihan's
/// variant tables, reviewed as <see cref="VariantPairs"/> says. Each source character maps to the end of the
/// chain (⻑ → 長 → 长), so folding is idempotent.
/// </summary>
internal static class VariantTableSource
{
    /// <summary>CJK Radicals Supplement → unified ideograph, from EquivalentUnifiedIdeograph.txt (every entry whose
    /// equivalent is a BMP ideograph; those whose equivalent is supplementary, such as ⺪ → U+24D14, are not folded:
    /// a fold must keep one UTF-16 unit per source unit so offsets stay the stored text's).</summary>
    private static readonly (int Radical, int Ideograph)[] RadicalsSupplement =
    [
        (0x2E81, 0x5382), (0x2E82, 0x4E5B), (0x2E83, 0x4E5A), (0x2E84, 0x4E59), (0x2E85, 0x4EBB), (0x2E86, 0x5182),
        (0x2E88, 0x5200), (0x2E89, 0x5202), (0x2E8A, 0x535C), (0x2E8B, 0x353E), (0x2E8C, 0x5C0F), (0x2E8D, 0x5C0F),
        (0x2E8E, 0x5140), (0x2E8F, 0x5C23), (0x2E90, 0x5C22), (0x2E92, 0x5DF3), (0x2E93, 0x5E7A), (0x2E94, 0x5F51),
        (0x2E95, 0x5F50), (0x2E96, 0x5FC4), (0x2E97, 0x5FC3), (0x2E98, 0x624C), (0x2E99, 0x6535), (0x2E9B, 0x65E1),
        (0x2E9C, 0x65E5), (0x2E9D, 0x6708), (0x2E9E, 0x6B7A), (0x2E9F, 0x6BCD), (0x2EA0, 0x6C11), (0x2EA1, 0x6C35),
        (0x2EA2, 0x6C3A), (0x2EA3, 0x706C), (0x2EA4, 0x722B), (0x2EA5, 0x722B), (0x2EA6, 0x4E2C), (0x2EA7, 0x725B),
        (0x2EA8, 0x72AD), (0x2EA9, 0x738B), (0x2EAB, 0x76EE), (0x2EAC, 0x793A), (0x2EAD, 0x793B), (0x2EAF, 0x7CF9),
        (0x2EB0, 0x7E9F), (0x2EB1, 0x7F53), (0x2EB2, 0x7F52), (0x2EB3, 0x34C1), (0x2EB4, 0x5197), (0x2EB6, 0x7F8A),
        (0x2EB9, 0x8002), (0x2EBA, 0x8080), (0x2EBB, 0x807F), (0x2EBC, 0x8089), (0x2EBE, 0x8279), (0x2EBF, 0x8279),
        (0x2EC0, 0x8279), (0x2EC1, 0x864E), (0x2EC2, 0x8864), (0x2EC3, 0x8980), (0x2EC4, 0x897F), (0x2EC5, 0x89C1),
        (0x2EC6, 0x89D2), (0x2EC8, 0x8BA0), (0x2EC9, 0x8D1D), (0x2ECB, 0x8F66), (0x2ECC, 0x8FB6), (0x2ECD, 0x8FB6),
        (0x2ECE, 0x8FB6), (0x2ECF, 0x9091), (0x2ED0, 0x9485), (0x2ED1, 0x9577), (0x2ED2, 0x9578), (0x2ED3, 0x957F),
        (0x2ED4, 0x95E8), (0x2ED6, 0x961D), (0x2ED7, 0x96E8), (0x2ED8, 0x9752), (0x2ED9, 0x97E6), (0x2EDA, 0x9875),
        (0x2EDB, 0x98CE), (0x2EDC, 0x98DE), (0x2EDD, 0x98DF), (0x2EDF, 0x98E0), (0x2EE0, 0x9963), (0x2EE2, 0x9A6C),
        (0x2EE3, 0x9AA8), (0x2EE4, 0x9B3C), (0x2EE5, 0x9C7C), (0x2EE6, 0x9E1F), (0x2EE7, 0x5364), (0x2EE8, 0x9EA6),
        (0x2EE9, 0x9EC4), (0x2EEA, 0x9EFE), (0x2EEB, 0x6589), (0x2EEC, 0x9F50), (0x2EED, 0x6B6F), (0x2EEE, 0x9F7F),
        (0x2EEF, 0x7ADC), (0x2EF0, 0x9F99), (0x2EF1, 0x9F9C), (0x2EF2, 0x4E80), (0x2EF3, 0x9F9F),
    ];

    /// <summary>
    /// Variant forms → the simplified character they stand for, as source/target pairs. The facts are OpenCC 1.1.6's
    /// single-character tables (TSCharacters, TWVariantsRev, HKVariantsRev, JPVariantsRev) and Unicode 15.0's
    /// Unihan_Variants.txt (kZVariant, kSemanticVariant), each pair taken both ways except TSCharacters
    /// (traditional → simplified only). The review that chose them, the traditional table's rule for false merges:
    /// a source is never a GB 2312 character (a character in simplified use stays itself: no 沈 → 沉); a target is
    /// always one, after the traditional folding; a source with two or more such targets is left out (27, such as
    /// 弌 一/壹, 牠 他/它, 讐 仇/雠); a radical or component form that only kSemanticVariant relates to a character is
    /// left out (乚 隐, 㔾 卩, 爫 爪: the radical folds keep their components); no character of the seeds is a source.
    /// Characters the traditional, radical or compatibility folds already map are not listed.
    /// </summary>
    private const string VariantPairs =
        "㐀丘㐅五㐫凶㐮襄㐯庸㐴攀㐵儒㑄侮㒋厮㒚稳㒰全㒲财㒷兴㓮雕㓷劓㕑厨㕚爪㕞刷㗖啖㗳嗒㘅衔㘽栽㙮塔㚝奎㚣姣㛛娠㝃娩㝛宿㝵碍㞐居㟗豳㟢崎㠊岖㠯以㠶帆㡿斥㣼忍㤒笨㤵慈㧃收" +
        "㧖扼㨉抿㨗捷㨼撂㪅更㪯举㫃偃㬅曼㭒耜㭨椰㯃漆㯭橹㯶棕㯽槟㰍栊㱿壳㳄涎㴑溯㵒沸㷉熨㷠磷㷻煳㽣域㽽痼㿟皎㿷糙䀋盐䀠瞿䀢瞬䀹睫䂫夯䃉珉䄃殃䄍蜡䆋秋䆫窗䆼窠䈇罩䉵馔䊜团" +
        "䋲绳䌫缆䏕饪䐰馐䒒苕䕌稚䕭荨䖈虐䖍虔䖏处䖣蚤䘑脉䘚卒䘺绽䙝亵䛡话䛻诱䜊嘈䜶豇䝜狻䝤獠䠱躅䢙败䢜归䣩醇䤠锗䦓觇䨘霰䪿囟䬒飕䬡翥䭾驮䯌尻䯻髻䰗阄䰞煮䱷渔䳘鹅䴸麸䶏涕" +
        "両两乗乘乹干亀龟亁干亊事亗岁亜亚亝齐亼集亾亡仏佛仮假仼任仾低伃妤伝传伭玄伱你伷胄佋绍侁诜侂托侅赅侎敉侚殉価价俈喾俓径俻备倂并倐倏値值倹俭偁称偊踽偐赝偒荡偪逼偸偷" +
        "傁叟傌骂傏搪傜徭僊仙儁俊儍傻儓台儭衬兎兔児儿兦亡兪俞冄冉円圆冋冂冑胄冩写凂浼凢凡凣凡処处凴凭凾函刄刃刅创刋刊刓园刦劫刧劫刱创刴剁刼劫剣剑剤剂剦阉剰剩劒剑労劳効效" +
        "勄敏勅敕勧劝勲勋匃丐匊掬匋陶匘脑匧箧匳奁匵椟卄廿卍万単单卽即厎砥厓崖厤历厪廑厰厂厳严厷肱叅参収收叜叟叡睿吚咿吿告呉吴呌叫呑吞呠喷呡吻呪咒咊和咲笑哴亮哶咩唊硖唖哑" +
        "唫吟啍吨啎忤啗啖喆哲喐郁喒昝喭唁営营喿噪嗁啼嘷嗥噁恶噉啖噏吸噐器噑嚎噛啮嚬颦嚵馋囌苏囘回団团囬回囯国囲围図图圅函圏圈圕图圢町圧压坆坟坋坌坰冂坵丘垔堙垜垛垻坝埇甬" +
        "埜野埳坎埶艺埼崎堃坤堈缸堘塍堦阶堭隍堿碱塁垒塐塑塟葬塡填塩盐塲场墖塔増增墝硗墫樽墰坛壊坏壌壤壍堑壐玺壱壹売卖壻婿夀寿夅降変变夣梦奞奎奨奖妬妒妳奶姉姐姙妊娬妩娯娱" +
        "娿婀婣姻婬淫媆嫩媍妇媿愧嫺娴嬢娘嬭奶孼孽孾婴宂冗宐宜実实宻密宼寇寀采寃冤寍宁寔实寗甯寘置寚宝寛宽寠窭寳宝対对尀叵専专尃敷尒尔尗叔尰肿尲尴岀出峩峨峯峰崘仑嵗岁嵜崎" +
        "嶎蔚嶽岳巉崭巌岩巣巢巤鬣巹卺巻卷帀匝帋纸帒袋帬裙帯带帰归幇帮幙幕幵开幷并庁厅広广庅么廃废廌豸廐厩廔楼廕荫廧墙廵巡廸迪廹迫廼乃弐贰弢韬弾弹彊强彔录彫雕徃往従从徤健" +
        "徧遍徳德徴征応应忼慷怌怀怱匆怳恍恊勰恠怪恡吝恵惠悊哲悋吝悐惕悤匆悩恼悪恶惇敦惪德愬诉愻逊愽博慂恿慙惭慽戚憇憩憙喜憰谲懐怀懜懵懽欢戉钺戦战戯戏戸户戹厄戻戾払拂扞捍" +
        "抌舀抍拯抜拔抝拗択择拏拿拕拖拝拜拠据拡扩挐拿挙举挭鲠挱挲挿插捓揶捜搜捦擒捬抚掲揭掻搔掽碰揅研揑捏揜掩揫揪揷插揺摇搃总搇揿搤扼搫搬搯掏摂摄摠总摡溉摣揸撃击撆撇撘搭" +
        "撦扯撹搅撽击擃攮擡抬擥揽擧举擿掷攅攒攩挡攷考敁掂敍叙敎教敺驱斈学斉齐斎斋斞庾斾旆旂旗旈旒旉敷旘帜旛幡旣既旪协旹时昪忭昬昏昻昂晩晚晳晰暁晓暎映暦历曁暨曡叠曽曾朙明" +
        "朢望朮术朳杷朶朵杇圬杧芒杸殳枏楠枬楠枱台枴拐柺拐査查栁柳栄荣栛荔栢柏栰筏桜樱桟栈桼漆梹槟棃梨棅柄棊棋棐榧棥樊椀碗検检椶棕楡榆楥楦楽乐榢架榦干槀稿槑梅様样槩概樐橹" +
        "樚辘権权樷丛橆无橊榴橜橛檴获櫂棹櫈凳櫾柚欅榉欓档欝郁欬咳欸唉欼啜歓欢歕喷歗啸歠啜歩步歯齿歱踵歳岁歴历殭僵殻壳殽淆毎每毘毗氊毡気气氜阳氥氙氭氡氼溺汚污沢泽泝溯洤泉" +
        "洿污浄净涖莅涙泪涶唾淩凌渇渴済济渉涉渋涩渓溪渨隈渰淹渹訇湌餐湏须湻淳湼涅満满溌泼滙汇滝泷滺悠潣浼潬滩澁涩澣浣澷漫濇涩濛蒙濶阔瀁漾瀒涩瀬濑灩滟灴烘炁气炤照炰炮烕灭" +
        "烖灾烝蒸烱炯焔焰焼烧煇辉煑煮煖暖煠炸熈熙牄跄牕窗牜牛牴抵犂犁犇奔犛牦犠牺犲豺狥殉猇唬猋飑猟猎猨猿獣兽獧狷玁猃玅妙玆兹珎珍珪圭琱雕瑇玳瑠琉璢琉璿璇瓈璃瓟匏甆瓷甎砖" +
        "甖罂甞尝甤蕤甽畎甿氓畄留畆亩畊耕畧略畱留畳叠畵画畺疆畽疃疍蛋疎疏痩瘦痮胀痺痹瘉愈瘨癫瘶嗽発发皃貌皐皋皦皎皷鼓盇盍盌碗県县眎视眞真瞹暧矁瞅矇蒙矙瞰砇珉砕碎硃朱硏研" +
        "碁棋碕崎碪砧碯瑙磇砒磒陨磥磊磪崔磵涧礟炮礶罐祇只祐佑禂祷秄耔秇艺秌秋秏耗秐耘秔粳稉粳稬糯稭秸稲稻稺稚稾稿穂穗穅糠穉稚穏稳穣穰穤糯穪称穽阱窌窖窓窗窰窑窻窗竃灶竆穷" +
        "竒奇竚伫竜龙竝并竢俟笓篦筦管筭算筯箸箒帚箖篮箛箍箠捶箾箫篠筱篢杠篴笛簁筛簑蓑簒篡簛筛籑馔籥龠粃秕粋粹粛肃粦磷糉粽糓谷糡糨糤馓糺纠紟衿紥扎経经絖纩絥鞴絪氤絵绘綂统" +
        "継继続续総总緖绪緜绵緤绁緥褓緫总縁缘縂总縄绳縚绦縦纵繈襁繊纤繋系繍绣繖伞繦襁繲挫纎纤缻缶缾瓶罁缸罃罂罇樽罋瓮羃幂羗羌羙美羮羹羴膻翄翅耏耐耑专耤借耼聃聝馘聡聪聦聪" +
        "聴听肈肇肎肯肐胳肕韧肧胚肬疣肳吻胑肢脃脆脇胁脩修脳脑腁胼膆嗉膓肠臈腊臓脏臕膘臙胭臝裸臞癯臯皋臿锸舃舄舎舍舓舐舗铺舘馆艢樯艥楫艪橹艶艳芔卉芲花苢苡苧苎苺莓苿茉茍苟" +
        "茘荔茠薅荅答荍荞荘庄莀农莕荇菫堇菴庵萲萱葁姜葢盖蒨茜蒭刍蓧莜蓴莼蓺艺蔘参蔵藏蔾藜蕋蕊蕚萼蕿萱薫薰薬药藦蘑蘂蕊蘐萱蘤花蘯荡虓唬虣暴蚘蛔蚡鼢蚦蚺蛌蛄蛍萤蛕蛔蜋螂蜑蛋" +
        "蜝蜞蜨蝶蜯蚌蜶蟀蜹蚋蝋蜡蝡蠕蝯猿螆蚝螎融螘蚁螙蠹螾蚓蟁蚊蟚蟛蟺蟮蠏蟹蠩蜍蠭蜂衂衄衇脉衕同衞卫衹只袠帙袵衽裌袷裠裙褃裉褟溻褵缡褺亵襃褒襉裥襍杂襜裣襢袒襮幞襵褶覇霸" +
        "覊羁覌观覐觉覔觅覚觉覧览覩睹覰觑観观觔斤觕粗觧解觵觥訠矧訦谌訳译訽诟詤谎詧察誐哦誩竞読读諁啜諊鞫諕唬諠喧諵喃謌歌謱喽譌讹譭毁譲让讁谪讍谔讘嗫讛呓豊丰豋登豓艳豘豚" +
        "豻犴貛獾貭质賍赃賔宾賛赞賮赆賷赍贃赚贒贤赸讪趂趁趒跳趦趑趮躁趯跃跙趄跥跺跴踹蹏蹄蹝屣蹠跖蹮跹蹵蹴蹹蹋蹻跷躧屣躭眈躱躲躳躬躶裸躷矮軄职軆体転转軰辈軶轭軽轻輌辆輙辄" +
        "輭软辠罪辢辣辤辞辺边迊匝迯逃迺乃迻移逓递逷逖遅迟遉侦遟迟遡溯遶绕邠豳邨村郞郎郤郄郰鄹郷乡鄕乡酔醉酖鸩酧酬醆盏醡榨醤酱醩糟醸酿醻酬釈释釬焊鈅钥鈆铅鈡钟鉄铁鉏锄鉳锫" +
        "銁钧銕铁銭钱鋑镌鋳铸錬炼錼镎鍅钫鍉匙鍫锹鎋辖鎌镰鎒耨鎙槊鎭镇鎻锁鏁锁鏥锈鑚钻鑛矿鑴镌閙闹閤合闗关阧陡阬坑阸厄陁陀陗峭陜狭陥陷陭崎険险陻堙陼渚隂阴隖坞隝坞隠隐隣邻" +
        "隮跻隲骘隷隶雑杂雝簌霊灵靝天靭韧鞉鼗鞌鞍鞦秋鞵鞋鞾靴韆千韈袜韒鞘韝鞲韤袜頋顾頟额頣颐頫俯頼赖顋腮顕显顖囟顦憔颿帆飃飘飜翻飡餐飤饲飱飧餂舔餈糍餙饰餠饼餫馄餹糖餻糕" +
        "饇饫饍膳饟饷馿驴駅驿駆驱駞驼駦腾駪诜駮驳騈骈騐验騒骚験验騗骗騘骢驘骡骻胯骽腿骾鲠髄髓髗颅髙高髠髡髣彷髤髹髩鬓髪发鬂鬓鬦斗鬪斗鬫阚鬬斗鬴釜鬽魅魟鳐魦鲨鯗鲞鰕虾鱑鳇" +
        "鱓鳝鱻鲜鳮鸡鴈雁鴎鸥鴺鹈鵞鹅鵰雕鵶鸦鵻隼鶏鸡鶵雏鶽隼鶿鹚鷩氅鷴鹇鸎莺鹸碱鹻碱麄粗麐麟麕麇麞獐麪面麫面麰牟麹麴黒黑黙默鼃蛙鼄蛛鼏幂鼔鼓齅嗅齢龄龒龙龝秋龡吹龢和龤谐" +
        "龥吁鿌凉";

    /// <summary>The table's lines (source, target, kind), ordered by source, as the committed file holds them.</summary>
    public static List<(char Source, char Target, string Kind)> Compute()
    {
        var simplify = Transliterator.GetInstance("Traditional-Simplified");
        var nfkc = Normalizer2.NFKCInstance;
        var first = new Dictionary<char, (char Target, string Kind)>();
        foreach (var (radical, ideograph) in RadicalsSupplement)
        {
            first[(char)radical] = ((char)ideograph, "radical");
        }
        foreach (var (from, to, kind) in new[] { (0x2F00, 0x2FDF, "kangxi"), (0xF900, 0xFAFF, "compatibility") })
        {
            for (var c = from; c <= to; c++)
            {
                var folded = nfkc.Normalize(((char)c).ToString());
                if (folded.Length == 1 && folded[0] != c)
                {
                    first[(char)c] = (folded[0], kind);
                }
            }
        }
        var traditional = new Dictionary<char, char>();
        for (var c = 0x3400; c <= 0xFAFF; c++)
        {
            if (c is >= 0xA000 and < 0xF900)
            {
                continue;
            }
            var simplified = simplify.Transliterate(((char)c).ToString());
            if (simplified.Length == 1 && simplified[0] != c)
            {
                traditional[(char)c] = simplified[0];
            }
        }
        char Simplify(char c)
        {
            for (var guard = 0; guard < 4 && traditional.TryGetValue(c, out var next); guard++)
            {
                c = next;
            }
            return c;
        }
        var variants = new Dictionary<char, char>();
        for (var i = 0; i + 1 < VariantPairs.Length; i += 2)
        {
            variants[VariantPairs[i]] = VariantPairs[i + 1];
        }
        // A variant target is a simplified character, the end of every chain; an earlier fold that ends on a variant
        // form (⻫ → 斉) goes on to it (齐).
        char Fold(char c) => variants.TryGetValue(Simplify(c), out var plain) ? plain : Simplify(c);
        var lines = new List<(char, char, string)>();
        foreach (var (source, (target, kind)) in first)
        {
            lines.Add((source, Fold(target), kind));
        }
        foreach (var source in traditional.Keys.Where(c => !first.ContainsKey(c)))
        {
            var target = Fold(source);
            if (target != source)
            {
                lines.Add((source, target, "traditional"));
            }
        }
        foreach (var (source, target) in variants.Where(v => !first.ContainsKey(v.Key) && !traditional.ContainsKey(v.Key)))
        {
            lines.Add((source, target, "variant"));
        }
        lines.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return lines;
    }

    public static string Format(IEnumerable<(char Source, char Target, string Kind)> lines)
    {
        var text = new StringBuilder();
        text.Append("# Variant folding of the exact-phrase fields: source<TAB>target<TAB>kind, one UTF-16 unit each.\n");
        text.Append("# Generated by VariantTableTests (tests/XiqingSearch.Core.Tests) from ICU's Traditional-Simplified\n");
        text.Append("# transliterator, NFKC, Unicode's EquivalentUnifiedIdeograph.txt, and OpenCC's and Unihan's variant tables.\n");
        text.Append("# Do not edit by hand.\n");
        foreach (var (source, target, kind) in lines)
        {
            text.Append(source).Append('\t').Append(target).Append('\t').Append(kind).Append('\n');
        }
        return text.ToString();
    }
}
