"""The default codebook's classes of places, groups, parties and persons (rows added for the held-out misses):
each class is found, and the forms that are also common words only in their context."""
from __future__ import annotations

import pytest
from one_article import found_in


def found(text: str) -> list[tuple[str, str]]:
    """(surface, actor_id) of every mention in one article body dated in 2015."""
    return found_in(text, "surface", "actor_id")


def ids(text: str) -> set[str]:
    return {a for _, a in found(text)}


@pytest.mark.parametrize("text, actor", [
    ("وقع الحادث في مركز القيصومة التابع لمحافظة حفر الباطن.", "location:al_qaisumah"),
    ("ضبطت جمارك منفذ الحديثة كمية من المخدرات.", "location:al_hadithah_crossing"),
    ("ازدحام المسافرين في حالة عمار أمس.", "location:halat_ammar"),
    ("وصل الحجاج إلى مشعر منى صباح اليوم.", "location:mina"),
    ("صلى المصلون في مسجد رسول الله.", "location:al_masjid_an_nabawi"),
    ("ودفن في مقبرة المعلاة بعد صلاة العصر.", "location:al_maala_cemetery"),
    ("وسيطرت المقاومة على ردفان.", "location:radfan"),
    ("وتقدمت القوات نحو قصر المعاشيق.", "location:al_maashiq"),
    ("أعلن تنظيم أنصار الدين مسؤوليته.", "group:ansar_dine"),
    ("قال حزب النور إنه سيشارك في الانتخابات.", "org:eg_nour_party"),
    ("وقال زعيم الأغلبية ميتش ماكونيل إن الجمهوريين سيصوتون ضد الاتفاق.", "person:mitch_mcconnell"),
    ("وقال إن الجمهوريون يرفضون الاتفاق.", "org:republican_party"),
    ("قال رسول الله صلى الله عليه وسلم إن الدين النصيحة.", "person:prophet_muhammad"),
    ("عرضت قناة MBC المسلسل.", "media:mbc"),
])
def test_class_members_are_found(text, actor):
    assert actor in ids(text)


@pytest.mark.parametrize("text, actor", [
    ("وقد زار مرات عديدة مدينة جدة.", "location:marat"),          # مرات = times
    ("وكانت البلاد على شفا حرب أهلية.", "location:al_shafa_taif"),  # على شفا = on the brink
    ("وقال إن الحركة ستتفاعل مع هذا المسعى.", "location:al_masaa"),  # this endeavour
    ("فجاءت الشرائع بتحريمه.", "location:al_shaaraa"),               # the (religious) laws
    ("كتبت سلوى سعد مقالا.", "location:al_salwa"),                   # a given name
    ("وهل توظف إيران هذه الفرصة لآفاق أرحب؟", "location:arhab"),    # wider
    ("وقال المرابطون في الأقصى إنهم باقون.", "group:al_mourabitoun"),  # not named before: the Al-Aqsa guards
    ("وقع الحادث في 6 أبريل الماضي.", "group:april_6"),              # a date
    ("التقى المهاجم ماكس كروز بزملائه.", "person:ted_cruz"),
])
def test_common_word_forms_need_their_context(text, actor):
    assert actor not in ids(text)


def test_places_with_a_place_context_or_after_the_group_was_named():
    assert "location:al_shaaraa" in ids("وأقيمت المباراة بالشرائع مساء أمس.")
    assert "location:al_masaa" in ids("توجه الحجاج إلى المسعى بعد الطواف.")
    m = found("تبنت جماعة المرابطون الهجوم. وقال المرابطون في بيان إن …")
    assert [a for _, a in m].count("group:al_mourabitoun") == 2


def test_a_city_and_its_nisba_are_two_mentions():
    m = found("يقيم الفريق معسكره في مدينة إزميت التركية.")
    assert ("إزميت", "location:izmit") in m and ("التركية", "country:tr") in m


def test_an_epithet_of_the_prophet_does_not_link_later():
    m = found("قال النبي الكريم إن الدين النصيحة، وفي القرآن الكريم آيات كثيرة.")
    assert [s for s, a in m if a == "person:prophet_muhammad"] == ["النبي الكريم"]


def test_kordofan_is_not_k_plus_radfan():
    assert ids("اشتباكات في جنوب كردفان.") == {"location:kordofan"}


def test_an_attached_bal_makes_a_town_a_place_not_a_region():
    assert "location:western_world" not in ids("تكثر الأمطار في المناطق المطيرة بها بالغرب وحوض نهر الكونغو.")


def test_khobar_in_a_list_of_places_not_the_news():
    assert "location:khobar" in ids("وشهدت مدن الدمام والخبر والظهران أمطارا غزيرة.")
    assert "location:khobar" in ids("وتوجه الوفد إلى الخبر والظهران أمس.")
    assert "location:khobar" not in ids("وجاء في الخبر أن الاجتماع انتهى، وفوجئنا بالخبر في الدمام.")


def test_the_hajj_holy_sites_by_their_short_names_and_the_iom():
    """Thirty-sixth session: منطقة المشاعر is the holy sites, and المشاعر ("feelings" too) once they were named
    (rule seen); المنظمة الدولية للهجرة is the IOM, المنظمة الدولية alone an anaphor (no UN), الحدود الجنوبية no
    alias of the southern border (الحد الجنوبي)."""
    holy = "location:holy_sites_mecca"
    m = found_in("وصلت القطارات إلى المشاعر المقدسة أمس. وتعمل مستشفيات المشاعر بطاقتها في منطقة المشاعر.",
                 "surface", "actor_id")
    assert [s for s, a in m if a == holy] == ["المشاعر المقدسة", "المشاعر", "منطقة المشاعر"], m
    assert holy not in ids("وعبر الحضور عن المشاعر الطيبة تجاه الجميع.")
    assert ids("وأعلنت المنظمة الدولية للهجرة أرقاما جديدة، وحذرت المنظمة الدولية من المجاعة.") == {"org:iom"}
    assert ids("وقال الجنود على الحدود الجنوبية إن الوضع في الحد الجنوبي هادئ.") == {"location:saudi_southern_border"}


def test_the_eid_wish_bil_yumn_is_no_yemen_and_new_rows():
    """Thirty-seventh session: باليمن والخير والبركات is the Eid wish "with good fortune" (rule not_before), not
    Yemen, which stays Yemen before other words; بروسيا دورتموند is the club, not ب + Russia; the rows added for
    Abkhazia (with its nisba), the Chechen nisba, NPR and Garuda Indonesia."""
    assert ids("سائلين الله أن يعيده على الجميع باليمن والخير والبركات، وعلينا باليمن والمسرات.") == set()
    assert ids("وصل الوفد إلى اليمن والسعودية أمس، والأوضاع باليمن والعراق صعبة.") == {"country:ye", "country:sa", "country:iq"}
    assert ids("فاز الفريق على بروسيا دورتموند.") == {"org:dortmund"}
    assert ids("اختطف الأبخاز وزير خارجية جورجيا وقاتل جندي شيشاني.") == {
        "location:abkhazia", "country:ge", "location:chechnya"}
    assert ids("قال أوباما لإذاعة إن بي آر إن الطائرة تابعة لشركة جارودا.") == {
        "person:barack_obama", "media:npr", "org:garuda_indonesia"}


def test_coconut_wti_crude_and_the_congo_spelt_with_jim():
    """Thirty-eighth session: جوز الهند is "coconut" and خام غرب تكساس الوسيط the WTI crude benchmark, no India and no
    Texas (rule not_before, ambiguous._NOT_AFTER; the span is kept from the later passes, which found غرب تكساس as
    a place after a compass word); both stay places elsewhere. الكونجو is the Congo's spelling with ج."""
    assert ids("يقدم عصير جوز الهند وزيت جوز الهند، وخسر خام غرب تكساس الوسيط 2 في المائة.") == set()
    assert ids("زار الهند وولاية تكساس.") == {"country:in", "location:us_texas"}
    assert ids("يعاني سكان الكونجو من الجوع في الكونجو الديمقراطية.") == {"country:cg", "country:cd"}


def test_the_id_card_harming_and_the_cdc():
    """Forty-third session: بطاقة الأحوال المدنية is the ID card, no Civil Status agency (ambiguous._NOT_AFTER), the agency
    stays elsewhere; النيل منه "to harm him" is no Nile (the pronoun forms of من in ambiguous._NOT_BEFORE); the US
    CDC by the forms the corpus writes (org:us_cdc)."""
    assert ids("يرفق صورة من بطاقة الأحوال المدنية وبطاقة الأحوال المدنية للأم.") == set()
    assert ids("تصدق الشهادة من الأحوال المدنية.") == {"org:sa_civil_status"}
    assert ids("من يريدون النيل منه وتشويهه، ويتحين الفرص للنيل منهم، على ضفاف النيل.") == {"location:nile"}
    assert ids("وقالت المراكز الأميركية لمكافحة الأمراض والوقاية منها (CDC) إن الإصابة نادرة.") == {"org:us_cdc"}


def test_insisting_chickpeas_and_the_emaar_companies():
    """Forty-fourth session: مصر between هو/أنه and على is the adjective "insisting" (ambiguous._NOT_BETWEEN), Egypt
    after هي; بلا حمص is the idiom's chickpea (ambiguous._NOT_AFTER), Homs elsewhere; bare إعمار (also "reconstruction")
    counts in a field that names the stock market (rule market), not in إعادة إعمار; among Saudi companies it is Emaar
    The Economic City (matcher._saudi_emaar), else Emaar Properties of Dubai; إعمار مصر is Emaar Misr."""
    assert ids("وهو مصر على مواصلة إضرابه، إلا أنه مصر على نقلي.") == set()
    assert ids("ها هي مصر على سكة السلامة.") == {"country:eg"}
    assert ids("خرج من المولد بلا حمص.") == set()
    assert ids("قصفت الطائرات حمص.") == {"location:homs"}
    assert ids("وجاءت أسهم شركات الإنماء وإعمار على قائمة الأكثر نشاطا.") == {"org:alinma_bank", "org:emaar_ec"}
    assert ids("وتراجع سهم إعمار في سوق دبي المالي.") >= {"org:emaar"}
    assert ids("مؤتمر إعادة إعمار غزة.") == {"location:gaza_city"}
    assert ids("وصعد سهم إعمار مصر للتطوير العقاري.") == {"org:emaar_misr"}
    # two ministries in one dual, with a comma before the second (resolve._dual_ministries)
    assert ids("وسيستعين بقطاعات وزارتي الداخلية، والتعليم.") == {"org:sa_ministry_of_interior",
                                                              "org:sa_ministry_of_education"}


def test_the_bare_olympic_committee_is_the_saudi_one():
    """Forty-third session (rule ``no_adjective``): bare اللجنة الأولمبية is the Saudi Olympic Committee in SaudiNewsNet's
    sports news; before a definite feminine adjective it is another country's committee (اللجنة الأولمبية القطرية), and
    اللجنة الأولمبية الدولية stays the IOC."""
    assert ids("وتقوم اللجنة الأولمبية بتكريم المتفوقين.") == {"org:saudi_olympic_committee"}
    assert "org:saudi_olympic_committee" not in ids("رئيس اللجنة الأولمبية القطرية ورئيس اللجنة الأولمبية الدولية.")
    assert "org:ioc" in ids("رئيس اللجنة الأولمبية الدولية توماس باخ.")


def test_the_national_water_company_and_the_contractor_agency():
    """Forty-third session: bare المياه الوطنية is the National Water Company (rule ``no_adjective``: not المياه الوطنية
    الليبية, Libya's waters); وكالة تصنيف المقاولين is the municipal ministry's contractor classification agency."""
    assert ids("«المياه الوطنية» تطلق فرعها الإلكتروني.") == {"org:sa_national_water_company"}
    assert ids("دخلت السفينة المياه الوطنية الليبية.") == {"country:ly"}
    assert ids("قامت الوزارة ممثلة في وكالة تصنيف المقاولين بإعداد برنامج.") == {"org:sa_contractor_classification"}


def test_forty_fifth_session_codebook_rows():
    """Forty-fifth session: Shell's short name only after the company was named (rule ``seen``: not شل "to paralyse"),
    Ali and Umar after سيدنا (علي alone is also the preposition), Réunion as the news spells it, McDonald's, Real Betis,
    Olympique Lyonnais with its nisba, Xi Jinping spelt تشي."""
    assert ids("أعلنت شركة شل خفض الوظائف. وقالت شل إن أرباحها تراجعت.") == {"org:shell"}
    assert ids("وسيؤدي ذلك إلى شل جانب كبير من قدرات البلاد.") == set()
    assert ids("وقفت عند مقولة سيدنا علي رضي الله عنه. وقال سيدنا عمر") == {"person:ali_ibn_abi_talib",
                                                                          "person:umar_ibn_al_khattab"}
    assert ids("عثر على حطام الطائرة في جزيرة لا ريونيون. ونقل الحطام من لاريونيون") == {"country:re"}
    assert ids("وتراجعت مبيعات ماكدونالدز. وقرر الموافقة على عرض ريال بيتيس.") == {"org:mcdonalds", "org:real_betis"}
    assert ids("تعاقد ليون الفرنسي مع لاعب الوسط.") == {"org:olympique_lyon"}
    assert ids("وقد استجاب الرئيس الصيني تشي جين بينغ للأزمة.") >= {"person:xi_jinping"}


def test_forty_sixth_session_codebook_rows():
    """Forty-sixth session: Talgo, the European Financial Stabilisation Mechanism (not the ESM, whose masculine
    spelling is an alias now), Savile Row, and the statistics department with الإحصاء for الإحصاءات."""
    assert ids("قالت تالجو الأسبانية إن السعودية ألغت عقدا.") >= {"org:talgo"}
    assert ids("وحصلت اليونان على تمويل من آلية الاستقرار المالي الأوروبية.") >= {"org:efsm"}
    assert ids("وافق مجلس محافظي آلية الاستقرار الأوروبي على المفاوضات.") >= {"org:esm"}
    assert ids("من إبداع خياطي «سافيل رو» بلندن.") >= {"location:savile_row"}
    assert ids("بالإضافة إلى مصلحة الإحصاء العامة في معرفة العدد.") == {"org:sa_cdsi"}


def party_nisbas(text: str) -> list[tuple[str, str]]:
    return [(s, a) for s, a, k in found_in(text, "surface", "actor_id", "match_kind") if k == "nisba" and "party" in a]


def test_us_parties_by_their_nisbas():
    """Forty-sixth session (rule ``party_nisba``, ``ambiguous._context_party_nisba``): جمهوري، ديمقراطيا … are the US
    parties after a member, a candidate, a number, a pronoun, the other party or a parenthesis, with the US named
    near; not a decree or a system (قرارا جمهوريا، نظام ديمقراطي), nor without the US, nor the feminine (جمهورية)."""
    us = "وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد. "
    assert party_nisbas(us + "ويضم مجلس النواب 246 جمهوريا و188 ديموقراطيا. وأصبح أول سناتور ديمقراطي يعلن معارضته.") == [
        ("جمهوريا", "org:republican_party"), ("ديموقراطيا", "org:democratic_party"),
        ("ديمقراطي", "org:democratic_party")]
    assert party_nisbas(us + "وتبدأ الانتخابات التمهيدية للحزبين الجمهوري والديمقراطي في فبراير.") == [
        ("الجمهوري", "org:republican_party"), ("والديمقراطي", "org:democratic_party")]
    assert party_nisbas(us + "وقال السيناتور جون ماكين (جمهوري، ولاية أريزونا) إن الاتفاق سيئ.") == [
        ("جمهوري", "org:republican_party")]
    assert party_nisbas(us + "وأصدر الرئيس قرارا جمهوريا. واعتمدت تونس نظاما سياسيا ديمقراطيا وجمهورية جديدة.") == []
    assert party_nisbas("أصدر الرئيس اليمني عبدربه منصور هادي قرارا جمهوريا بتعيين 13 عضوا جمهوريا.") == []


def test_forty_seventh_session_idioms_and_common_nouns():
    """Forty-seventh session (ambiguous._NOT_BETWEEN, one neighbour): يمني النفس "hopes" is no Yemen, سمك لبن تمر هندي
    no India, شاعر عكاظ and بردة عكاظ the festival's prizes (no Okaz, which لـ«عكاظ» still is), عتق رقبة blood money
    (no Ataq), بعقوبة تعزيرية a punishment (no Baqubah) and درعا تذكاريا a shield (no Daraa); each place stays itself
    elsewhere. وون is a currency: وون كوري after an amount is money, no Korea."""
    assert ids("أما الفريق الذي يمني النفس بلقب، ومن يمني نفسه بإلغائها.") == set()
    assert ids("وقال مسؤول يمني إن القوات انسحبت.") == {"country:ye"}
    assert ids("وأفلامه «سمك لبن تمر هندي» و«الأفوكاتو».") == set()
    assert ids("الشاعر هزبر محمود شاعر عكاظ، وحسن طواشي شاعر شباب عكاظ يتقلدان بردة عكاظ. وقال لـ«عكاظ» إن") == {
        "discovered:هزبر_محمود", "discovered:حسن_طواشي", "media:okaz"}
    assert ids("اكتمال مبلغ عتق رقبة ابنه. وفر القائد من مدينة عتق.") == {"location:ataq"}
    assert ids("وطالب بعقوبة تعزيرية بحقها. وقتل عشرة في بعقوبة.") == {"location:baqubah"}
    assert ids("وقدم رئيس البلدية درعا تذكاريا للمحافظ. وقصف الجيش درعا.") == {"location:daraa"}
    assert ids("بلغت الأرباح 6.9 تريليون وون كوري.") == set()


def test_forty_seventh_session_codebook_rows():
    """Forty-seventh session: the Iraqi Forces Alliance (the Sunni bloc; تحالف القوى its short name) and Habermas."""
    assert ids("وقال رئيس كتلة تحالف القوى العراقية في البرلمان إن تحالف القوى يساند المطالب.") == {
        "org:iraqi_forces_alliance"}
    assert ids("الفضاء العمومي كما وصفه هابرماس، مع هابرماز ضد هابرماز.") == {"person:jurgen_habermas"}


def test_a_list_of_governorates_with_commas_alone():
    """Forty-seventh session (rule list_only, head_nouns._coordinated_place with ``comma``): a governorate whose bare
    name is a word (فرسان "knights", تربة "soil", حقل "field") is a place in a list of places joined by commas alone;
    after a place it must end its item (في جدة، ثار الغيورون: the verb "rose up")."""
    assert ids("وتشمل الانتخابات صبيا، الداير بني مالك، فرسان، الحكامية.") >= {"location:farasan"}
    assert ids("والبلديات المرتبطة (تربة، رنية، الخرمة).") >= {"location:turabah"}
    assert ids("وانتشرت مقاطع التحرش في جدة، ثار الغيورون وكتب الجميع.") == {"location:jeddah"}
    assert ids("وتحدث عن فرسان الخيل، ومنهم من جدة.") == {"location:jeddah"}


def test_a_city_named_for_its_club_on_the_sports_pages():
    """Forty-seventh session (``matcher._city_clubs``): in a field about sport, برشلونة، روما، ليفربول، مارسيليا named
    bare are their clubs; after في or a city head, or before a feminine nisba, they stay the cities, and outside sport
    they are the cities; نادي روما is AS Roma."""
    sport = "وسجل اللاعب هدفين في المباراة ضمن الدوري. "
    assert found(sport + "فاز برشلونة على روما، وتعادل ليفربول مع مارسيليا.") == [
        ("برشلونة", "org:fc_barcelona"), ("روما", "org:roma"), ("ليفربول", "org:liverpool_fc"),
        ("مارسيليا", "org:olympique_marseille")]
    assert found(sport + "وأقام الفريق معسكره في برشلونة قرب مدينة روما الإيطالية.") == [
        ("برشلونة", "location:barcelona"), ("روما", "location:rome"), ("الإيطالية", "country:it")]
    assert found("زار الوزير روما والتقى نظيره.") == [("روما", "location:rome")]
    assert ids("وتوصل نادي روما لاتفاق مع اللاعب.") == {"org:roma"}


def test_al_qaeda_is_the_base_in_a_field_about_a_base():
    """Forty-eighth session (rule group, ``ambiguous._AIR_BASE_RE``): where the field names a base (قاعدة إنجيرليك،
    قاعدة العند، القاعدة العسكرية), bare القاعدة is the base even with ISIS nearby; after تنظيم/مشتقات, before في, or
    joined to another group by و/أو it stays al-Qaeda."""
    base = "وافقت تركيا على استعمال قاعدة إنجيرليك لضرب داعش في سوريا. "
    assert "group:al_qaeda" not in ids(base + "وقال إن القاعدة ستفتح للتحالف وإن استخدام القاعدة سيبدأ قريبا.")
    assert found(base + "ويحارب التحالف داعش ومشتقات القاعدة.")[-1] == ("القاعدة", "group:al_qaeda")
    assert found(base + "وكان ذلك قبل هجمات تبنتها داعش أو القاعدة.")[-1] == ("القاعدة", "group:al_qaeda")
    assert found("سيطرت المقاومة على قاعدة العند الجوية. وتبرأ منها تنظيم القاعدة، إذ لم يسبق للقاعدة في اليمن أن "
                 "فجرت مسجدا.")[-2] == ("للقاعدة", "group:al_qaeda")
    # without a base in the field, another group near it still makes it al-Qaeda
    assert ("القاعدة", "group:al_qaeda") in found("قال إن داعش أخطر من القاعدة على المنطقة.")


def test_roads_named_by_where_they_lead():
    """Forty-eighth session (``head_nouns._ROAD_COMPLEMENTS``): طريق + المدينة (المنورة)، الساحل، الجنوب، المطار،
    السيل is a road, not عن طريق "by way of"."""
    assert found("والحادثة الثانية في طريق المدينة، بعد محطة الوقود.")[0] == ("طريق المدينة", "discovered:طريق_المدينه")
    assert found("انقلبت المركبة على طريق المدينة المنورة السريع.")[0][0] == "طريق المدينة المنورة"
    assert found("ضبطت دوريات أمن الطرق بطريق الساحل امرأة.")[-1][0] == "بطريق الساحل"
    assert found("وصل الانتحاري إلى الكويت عن طريق المطار.") == [("الكويت", "country:kw")]


def test_omar_is_the_age_and_good_luck_no_person():
    """Forty-eighth session (``persons.word_in_context``, not_person_phrases.txt): عمر + a common definite noun after a
    word of lasting or measuring (ويطيل عمر المبنى، نحدد عمر المصحف، من عمر البطولة) is "the age of"; من حسن حظنا is
    "luckily"; Omar with a family name stays a person."""
    assert ids("العزل الحراري يطيل عمر المبنى. ونستطيع أن نحدد عمر المصحف.") == set()
    assert ids("هناك جولتان متبقيتان من عمر البطولة.") == set()
    assert ids("إنه لمن حسن حظنا أنه كان سائقا بفريقنا.") == set()
    assert ids("قال عضو اللجنة التجارية عمر السلمي إن التشهير") == {"discovered:عمر_السلمي"}


def test_a_club_before_its_team_doings():
    """Forty-eighth session (``ambiguous._team_doings_after``): a club's bare name right before تدريباته، معسكره، صفوفه
    or أولى مبارياته is the club on the sports pages (واصل الفتح تدريباته); not outside sport."""
    sport = "أقيمت المباراة ضمن الدوري وسجل اللاعب هدفا. "
    assert found(sport + "وواصل الفتح تدريباته على الملعب.")[-1] == ("الفتح", "org:al_fateh")
    assert found(sport + "وكسب الباطن أولى مبارياته الودية.")[-1] == ("الباطن", "org:al_batin")
    assert ids("قال إن إشراك الشباب أولى خطوات التجديد.") == set()


def test_a_preposition_on_a_one_word_person_form_with_the_article():
    """Forty-eighth session (fields.PREFIXES ``prep_art``): للأسد، بالأسد، للجبير count as a preposition on لهادي does:
    once the person was named, or by the form's own rule (الأسد near Syria); not without either."""
    assert found("التقى الرئيس السوري بشار الأسد وفدا. ويقدم حزب الله دعما للأسد في الحرب.")[-1] == (
        "للأسد", "person:bashar_al_assad")
    assert ("للجبير", "person:adel_al_jubeir") in found("وصل عادل الجبير إلى الدوحة. وأقيمت مأدبة تكريما للجبير.")
    assert ids("وقدم الحارس الطعام للأسد في حديقة الحيوان.") == set()


def test_forty_eighth_session_codebook_rows():
    """Forty-eighth session: Eni (إيني; after a proclitic only with its hamza: فلايني is Fellaini), ستاندارد آند بورز,
    الجبلاية (the Egyptian FA) and القلعة الحمراء (Al Ahly)."""
    assert ids("وقالت شركة إيني الإيطالية إنها حققت كشفا. ورفعت مصر السعر الذي تدفعه لإيني.") >= {"org:eni"}
    assert "org:eni" not in ids("وغاب البلجيكي مروان فلايني عن المباراة.")
    assert ids("وتتوقع ستاندارد آند بورز نمو الشركات.") == {"org:sp_global"}
    assert ids("انتقد رئيس النادي قرارات الجبلاية.") == {"org:efa"}
    assert ids("وأوضح أن القلعة الحمراء تحملت الكثير.") == {"org:al_ahly_egypt"}



def test_kin_before_a_first_name():
    """Forty-ninth session (``names._kin_names``): a kin word with a pronoun or in construct before a first name of the
    lists or of the foreign lexicon is followed by a person (شقيقتها كاثي), ending before the
    next kin word (والده سعد ووالدته فاطمة); a verb or noun there is none (زوجها متوقفين، والدته انتحرت)."""
    assert found("وقالت إن شقيقتها كاثي كانت في الطائرة.") == [("كاثي", "discovered:كاثي")]
    assert found("بينما أصيب والده سعد ووالدته فاطمة بحروق.") == [("سعد", "discovered:سعد"), ("فاطمة", "discovered:فاطمه")]
    assert found("كانت السيدة برفقة زوجها متوقفين عند الإشارة. وقالت إن والدته انتحرت بعد ذلك.") == []


def test_participles_and_verbs_are_no_names():
    """Forty-ninth session: a participle in the accusative after a verb of saying (وقال معقبا، وأضاف مستدركا:
    ``persons._circumstantial_participle``), a function word with a preposition after a role (اللاعب بهذي), a frequent
    verb right after a role (مدرب يحظى بحب) and a verb, a noun with "his" or a participle in ة after فريق (كل فريق
    سيقاتل، فريق مدافعه، كل فريق متقاربة: ``teams._common_after_team``) are no names; a club's name in ة after نادي or
    before a nisba stays one (نادي مولدة، فريق مولده النرويجي)."""
    assert ids("وقال معقبا: إن الوسائل مهمة. وأضاف مستدركا أن اللفظ لا يعني ذلك.") == set()
    assert ids("ويذكر ان اللاعب بهذي الطريقة يبعث رسائل. إنه مدرب يحظى بحب اللاعبين.") == set()
    assert ids("وكل فريق سيقاتل من أجل التأهل. ودخل مباراته مع فريق مدافعه السابق. والإمكانيات في كل فريق متقاربة.") == set()
    assert ("مولدة", "discovered:مولده") in found("وطالت المفاوضات مع نادي مولدة النرويجي.")
    assert ("مولده", "discovered:مولده") in found("منح الرئيس إدارة فريق مولده النرويجي مهلة.")
    assert found("وقالت ماريا: إن الأمر صعب.") == [("ماريا", "discovered:ماريا")]


def test_lyon_is_the_club_on_the_sports_pages():
    """Forty-ninth session (ambiguous_forms rule ``coordinated_or_sport``): bare ليون (also the first name Leon) in a
    field about sport is Lyon's club (``matcher._city_clubs``), unless a name word follows it; elsewhere it counts only
    in a list of places or after a city head, as before."""
    sport = "وسجل اللاعب هدفين في المباراة ضمن الدوري. "
    assert found(sport + "ومن جهته، فشل ليون في استعادة الكأس.")[-1] == ("ليون", "org:olympique_lyon")
    assert "org:olympique_lyon" not in ids(sport + "وقال ليون جوريتسكا إن الفريق جاهز.")
    assert ids("وقال ليون إن الأمر صعب.") == set()
    assert ids("زار الوفد باريس وليون.") == {"location:paris", "location:lyon"}


def test_lahij_and_the_hajj_of_this_year():
    """Forty-ninth session (rule no_lam): لحج هذا العام is "for this year's Hajj", not Lahij; Lahij stays itself."""
    assert ids("وأضاف أن استعدادات الوزارة لحج هذا العام تشمل عدة خطط.") == set()
    assert ids("وتقدمت القوات نحو لحج، حيث قاعدة العند.") >= {"location:lahij_governorate"}


def test_forty_ninth_session_codebook_rows():
    """Forty-ninth session: satellites, cards, Israeli hospitals and parties, UNAMI, IG Metall, DriveNow, the Latin
    Patriarchate, the Negev, Barakah, the Macina Liberation Front, the student delegation سفراء الحزم, and دول التعاون
    (الخليجي) for the GCC."""
    assert ids("من خلال “عربسات” و “نايلسات” وبطاقات ماستر كارد.") == {"org:arabsat", "org:nilesat", "org:mastercard"}
    assert ids("نقل الأسير من مستشفى سوروكا في النقب إلى برزيلاي.") == {
        "org:soroka_medical_center", "location:negev", "org:barzilai_medical_center"}
    assert ids("وتستمد أفكارها من حركة كاخ. وقال رئيس الحركة العربية للتغيير.") == {"org:kach", "org:taal"}
    assert found("رحبت بعثة الأمم المتحدة لمساعدة العراق (يونامي) بالإصلاحات.") == [
        ("بعثة الأمم المتحدة لمساعدة العراق", "org:unami"), ("يونامي", "org:unami")]
    assert ids("اقتنص آي.جي ميتال زيادة. وخدمة «درايف ناو» مشتركة.") == {"org:ig_metall", "org:drivenow"}
    assert ids("وقالت البطريركية اللاتينية في بيان.") == {"org:latin_patriarchate_jerusalem"}
    assert ids("وتسير عمليات الإنشاء في محطة براكة للطاقة النووية.") == {"location:barakah_npp"}
    assert ids("وقد ظهرت جبهة تحرير ماسينا التي تجند عناصرها.") == {"group:macina_liberation_front"}
    assert ids("اختتم وفد سفراء الحزم زيارته، واستكملت سفيرات الحزم جدولها.") == {"group:sufaraa_al_hazm"}
    assert ids("التنسيق مع دول التعاون الخليجي. وتأمل دول التعاون أن تؤدي الاستثمارات.") == {"org:gcc"}


def test_tenth_form_verbs_start_no_name():
    """Forty-ninth session (``names._tenth_form``): a discovered person whose first word is a tenth-form verb or verbal
    noun (استعان، استكمل، استفحال) is dropped; the first name إستبرق and foreign names in استي stay."""
    assert ids("لكن المدرب الهولندي استعان بحارس بديل. وتوقع استفحال الصراع على السلطة.") >= {"country:nl"}
    assert not any(a.startswith("discovered:است") for a in ids("لكن المدرب الهولندي استعان بحارس بديل. وتوقع استفحال الصراع."))
    assert ("استبرق أحمد", "discovered:استبرق_احمد") in found("وتتابع استبرق أحمد: إنها رواية جميلة.")
    assert ("إستيبين كوندي", "discovered:استيبين_كوندي") in found("بسبب وجود الحارس إستيبين كوندي في الفريق.")


def test_forty_ninth_session_second_round():
    """Forty-ninth session, round 2: Lyon after و on the sports pages, فريق مكون من (no club), and codebook rows and
    aliases (Al-Ukhdood, Lockheed Martin, AGFUND, Phelps, Elon Musk, توتنهام هوتسبير, إذاعة القرآن)."""
    sport = "وسجل اللاعب هدفين في المباراة ضمن الدوري. "
    assert found(sport + "وأقيم السوبر بين باريس سان جيرمان وليون وخطف الكأس الأول.")[-1] == ("وليون", "org:olympique_lyon")
    assert ids("وتم العمل عبر فريق مكون من أخصائيين.") == set()
    assert ids("نفذت الهيئة مشروعات في موقع الأخدود الأثري.") == {"location:al_ukhdud"}
    assert ids("أعلنت شركة لوكهيد مارتن صفقة. وقالت لوكهيد إنها ستوافق.") == {"org:lockheed_martin"}
    assert ids("أقر برنامج الخليج العربي للتنمية أجفند مشروعا.") == {"org:agfund"}
    assert ids("وكان فيلبس الرياضي الأكثر تتويجا. ومنهم ايلون ماسك.") == {"person:michael_phelps", "person:elon_musk"}
    assert found("أحرز توتنهام هوتسبير المركز الثالث.") == [("توتنهام هوتسبير", "org:tottenham")]
    assert ids("وأول عمل له في إذاعة القرآن.") == {"media:saudi_quran_radio"}


def test_fiftieth_session_codebook_rows():
    """Fiftieth session: Abyssinia (الحبشة) for Ethiopia, جيانا for Guyana, Nubia, Karnak, Alphabet, Knight Frank, the
    Saudi Hollandi Bank's board name, Beyoncé, Gerald Ford, Herodotus, Jeffrey Webb, Trevor Noah, and Al-Jeel's club."""
    assert ids("ثم الهجرة إلى الحبشة. وقطع رحلة إلى جيانا.") == {"country:et", "country:gy"}
    assert ids("عندما انتقلنا من النوبة. وتعامد القمر على معابد الكرنك.") == {"location:nubia", "location:karnak"}
    assert ids("ويزيد احتمال حدوث النوبة القلبية.") == set()  # "the seizure" (rule place)
    assert ids("وستحل ألفابت محل جوجل. وتقول غرينوود من شركة نايت فرانك.") >= {"org:alphabet", "org:knight_frank"}
    assert found('يليه سهم "سعودي هولندي" بمعدل 109 آلاف ريال.') == [("سعودي هولندي", "org:saudi_hollandi_bank")]
    assert ids("والمغنية بيونسيه. بعد فوزه على جيرالد فورد. كما رواها هيرودوت.") == {
        "person:beyonce", "person:gerald_ford", "person:herodotus"}
    assert ids("دفعا أكثر من 7 ملايين دولار لجيفري ويب. وقدم تريفور نواه البرنامج.") >= {
        "person:jeffrey_webb", "person:trevor_noah"}
    sport = "وشكر المدرب اللاعبين على جهدهم في الدوري. "
    assert found(sport + "وسيبدأ التحضير لمباراة الجيل في الكأس.")[-1] == ("الجيل", "org:al_jeel")
    assert ids("وقال إن الجيل الجديد من الشباب يحتاج إلى الرعاية.") == set()


def test_meeting_cue_and_coordinated_institutions():
    """Fiftieth session: لقاء is a cue before a club's bare name on the sports pages (بلقاء الفيصلي), and و + a definite
    head noun with its complement starts a second institution (المركز السعودي لكفاءة الطاقة | والهيئة السعودية
    للمواصفات), not when the word after و ends the chain as a field (بكلية الاقتصاد والإدارة)."""
    sport = "وشكر المدرب اللاعبين على جهدهم في الدوري. "
    assert found(sport + "ويستهلون دوري جميل بلقاء الفيصلي، وشكر اللاعبين.")[-1] == ("الفيصلي", "org:al_faisaly")
    text = "ضمن التنسيق المشترك مع المركز السعودي لكفاءة الطاقة والهيئة السعودية للمواصفات والمقاييس والجودة في"
    got = [s for s, _ in found(text)]
    assert got == ["المركز السعودي لكفاءة الطاقة", "والهيئة السعودية للمواصفات والمقاييس والجودة"]
    assert [s for s, _ in found("بالتعاون بين الإدارة العامة للتخطيط والتطوير والإدارة العامة للمشاريع.")] == [
        "الإدارة العامة للتخطيط والتطوير", "والإدارة العامة للمشاريع"]
    assert [s for s, _ in found("ودرس في بكلية الاقتصاد والإدارة بجامعة الملك عبدالعزيز.")] == [
        "بكلية الاقتصاد والإدارة", "بجامعة الملك عبدالعزيز"]


def test_owner_of_and_accusative_after_a_first_name():
    """Fiftieth session: مالك + a common definite noun is "the owner of" (مالك الاستراحة، مالك العقار), not after a title
    (الشيخ مالك الشعار) nor before a family name (مالك الرشيدي); after a first name an accusative noun with an accusative
    adjective after it ends the name (في رمضان طلبا كبيرا), a foreign family name in ا does not (إيرتون سينا)."""
    assert ids("واستدعت الوزارة مالك الاستراحة للتحقيق. ويحق لمالك العقار ذلك.") == set()
    assert ("مالك الشعار", "discovered:مالك_الشعار") in found("دعا مفتي طرابلس الشيخ مالك الشعار السياسيين.")
    assert ("مالك الرشيدي", "discovered:مالك_الرشيدي") in found("وقال مالك الرشيدي إن الفريق جاهز.")
    assert not any(a.startswith("discovered:") for a in ids("إن محال الصرافة شهدت في رمضان طلبا كبيرا على العملات."))
    assert ("إيرتون سينا", "discovered:ايرتون_سينا") in found("منذ وفاة البرازيلي إيرتون سينا في حادث.")


def test_home_titles_and_the_hamza_seat_of_shuun():
    """Fiftieth session: a short name dropped as a common word (اللائحة التنفيذية للنظام "of the law", هذا النظام) names
    no foreign country, so the Saudi office phrase after it keeps its holder of the day; الشئون is read as الشؤون in
    every codebook form and office phrase (وزير الشئون الاجتماعية); المتحدث الأمني is a Saudi home title."""
    hajj = [("وزير الحج", "person:bandar_hajjar")]
    assert found("وفقا للائحة التنفيذية للنظام. وتم برعاية وزير الحج عرض النتائج.") == hajj
    assert found("وقال هذا النظام لا يصلح. وتم برعاية وزير الحج عرض النتائج.") == hajj
    assert found("لماذا وضع وزير الشئون الاجتماعية هذا الشرط؟") == [("وزير الشئون الاجتماعية", "person:majid_al_qasabi")]
    assert found("وقالت وزارة الشئون الإسلامية إن") == [("وزارة الشئون الإسلامية", "org:sa_ministry_of_islamic_affairs")]
    # the Interior Ministry's security spokesman (a Saudi home title), not a police force's nor Iraq's
    assert found("صرح المتحدث الأمني بوزارة الداخلية أنه") == [
        ("المتحدث الأمني", "person:mansour_al_turki"), ("بوزارة الداخلية", "org:sa_ministry_of_interior")]
    assert "person:mansour_al_turki" not in ids(
        "وقال المتحدث الأمني بشرطة منطقة الرياض إن. وقال المتحدث الأمني لوزارة الداخلية العراقية إن")
    # D5: with his name after the body's, the role phrase is his descriptor, not a mention of its own
    assert found("وأكد المتحدث الأمني باسم وزارة الداخلية اللواء منصور التركي أن") == [
        ("وزارة الداخلية", "org:sa_ministry_of_interior"), ("منصور التركي", "person:mansour_al_turki")]
    assert [a for _, a in found("وأشار المتحدث الأمني بوزارة الداخلية اللواء منصور التركي إلى")] == [
        "org:sa_ministry_of_interior", "person:mansour_al_turki"]


def test_fiftieth_session_second_round():
    """Fiftieth session, round 2: مني written with ي is "from me" (طلب مني، المحاولة مني), the first name منى only after a
    title or د.; a name right after سورة is a chapter of the Quran; مارك after مليارات is the currency; codebook rows
    (Xavi, Iniesta, EPA, GOIC, Dudayev, Grozny's spelling جروزني, Ingushetia, North Ossetia, Mozart, Beethoven, the
    Eiffel Tower)."""
    assert found("وكان والدي يطلب مني أن أتأمل الممثلين. وهذه المحاولة مني تتكامل مع غيرها.") == []
    assert found("مع حطين طلب مني أحمد الحلوي تسجيله.") == [("أحمد الحلوي", "discovered:احمد_الحلوي")]
    assert ("مني البلهيد", "discovered:مني_البلهيد") in found("المشاركون هم: د. ابراهيم الحمر، د. مني البلهيد، وغيرهما.")
    assert found("وهو مصطلح قرآني في سورة يوسف. واقرئي الآية 9 من سورة ياسين.") == []
    assert found("بدفع ثلاثة مليارات مارك لإسرائيل.") == [("لإسرائيل", "country:il")]
    assert ids("(إ ب أ) وقال تشافي إن إنييستا سيحمل شارة القائد.") == {"media:epa", "person:xavi", "person:andres_iniesta"}
    assert ids("وقالت منظمة الخليج للاستشارات الصناعية (جويك) إن") == {"org:goic"}
    assert ids("وفي جروزني قتل جوهر دوداييف. وتمتد إلى إنغوشيا وأوسيتيا الشمالية.") == {
        "location:grozny", "person:dzhokhar_dudayev", "location:ingushetia", "location:north_ossetia"}
    assert ids("وعزف ألحان موزارت وبيتهوفن قرب برج إيفل.") == {"person:mozart", "person:beethoven", "location:eiffel_tower"}


def test_fifty_first_session_words_read_as_names():
    """Fifty-first session: words that a first-name or role rule read as a name: يزيد after a particle is the verb
    "increases" (ألا يزيد المؤهل العلمي، وقد يزيد الاتفاق; not وذكر يزيد بن فهد الرشيد), اليأس spelt with أ is
    "despair" (not Elias), سعيد after "I" is "happy", a dual noun in ة is no family name (نجم القمتين), nor a noun with
    "his" after a first name that is a noun too (وسلامة أراضيه; not لوي لوبيه), an unknown word in ي after an accusative
    noun is a verb (قال كلاما يناقض), a particle starts no name after a role (تحدث الشاعر عما واجه; the frequent words
    جو and منة still do: الحارس جو هارت، الممثلة منة شلبي)."""
    assert found("وألا يزيد المؤهل العلمي عن الثانوية. وقد يزيد الاتفاق الذي توصلت إليه الدول المعروض.") == []
    assert found("وذكر يزيد بن فهد الرشيد، مدير عام الشركة") == [
        ("يزيد بن فهد الرشيد", "discovered:يزيد_بن_فهد_الرشيد")]
    assert found("مؤكدًا أنّ «هذا الخطاب عن اليأس الأفريقي خاطئ». وقال: وأنا سعيد لتواجدي هنا") == []
    assert ("الياس خوري", "discovered:الياس_خوري") in found("وقال الياس خوري إن الرواية")
    summits = "الثابت أن نجم القمتين كان بوتين. ما الحاصل الجمعي للقمتين؟"
    assert not any(a.startswith("discovered:") for a in ids(summits))
    assert found("والحفاظ على وحدة اليمن وسلامة أراضيه ومقدراته") == [("اليمن", "country:ye")]
    assert ("لوي لوبيه", "discovered:لوي_لوبيه") in found("1902- الرئيس الفرنسي لوي لوبيه يصدر عفوا عن محكوم")
    assert found("علي أكبر ولايتي قال كلاما يناقض ما تقوله الإدارة.") == [
        ("علي أكبر ولايتي", "person:ali_akbar_velayati")]
    assert found("ثم تحدث الشاعر عما واجه الدعوة من عدم القبول") == []
    assert found("عجز الحارس جو هارت عن صد الكرة. وكشفت الممثلة منة شلبي أن") == [
        ("جو هارت", "discovered:جو_هارت"), ("منة شلبي", "discovered:منه_شلبي")]


def test_fifty_first_session_places_courts_and_home_titles():
    """Fifty-first session: a day and month named like a place (6 أكتوبر, the Egyptian city) is a date with a year or a
    time word after it or a date word or range before it; a region inside a disease's name is opaque (متلازمة الشرق
    الأوسط); الدولة, a stopword, continues an organisation's chain after a construct noun (محكمة أمن الدولة); a bare
    Saudi home title stands for its holder when the country the field names first, and last before it, is Saudi Arabia,
    though a foreign one comes up later (بيان وزارة الداخلية … وذكر المتحدث الأمني … سورية)."""
    assert found("ابتداء من 13 ذي الحجة 1435هـ الموافق 6 أكتوبر 2014م. والفترة من 2 – 6 أكتوبر المقبل.") == []
    assert found("يقيم معسكره في مدينة 6 أكتوبر بالقاهرة") == [
        ("6 أكتوبر", "discovered:6_اكتوبر"), ("بالقاهرة", "location:cairo")]
    assert found("بفيروس كورونا المسبب لمتلازمة الشرق الأوسط التنفسية") == []
    assert found("وجرى تسليم المتورطين إلى المدعي العام في محكمة أمن الدولة.") == [
        ("محكمة أمن الدولة", "discovered:محكمه_امن_الدوله")]
    text = ("في بيان وزارة الداخلية أعلن عن الإطاحة بتنظيم مرتبط بداعش. وذكر المتحدث الأمني أن عدد المقبوض عليهم 431. "
            "وقال وزير الخارجية السابق إن خطر داعش يجب ضربه في سورية.")
    assert "person:mansour_al_turki" in ids(text)
    assert "person:mansour_al_turki" not in ids("وقالت سورية إن الهجوم فشل. وذكر المتحدث الأمني أن عدد القتلى 4.")


def test_fifty_first_session_codebook_rows():
    """Fifty-first session: codebook rows and aliases (BRICS with the article, G7 as السبعة الكبار, the SCO cut short,
    UNRWA with لغوث, Atlético's nickname, Ayelet Shaked, Lloyds, Prudential, Saudi administrative investigations,
    Roma's players, Al-Islah Online)."""
    assert ids("هل كانت قمة البريكس نقطة تحول؟ ومنتدى على غرار «السبعة الكبار» ووفد منظمة شنغهاي") == {
        "org:brics", "org:g7", "org:sco"}
    assert ids("في ميزانية وكالة الأمم المتحدة لغوث وتشغيل اللاجئين الفلسطينيين") == {"org:unrwa"}
    assert ids("التتويج مع الروخيبلانكوس. وقالت وزيرة العدل آييلت شكيد") == {
        "org:atletico_madrid", "person:ayelet_shaked"}
    assert ids("في مصرفي لويدز والرئيس السابق لشركة برودينشال") >= {"org:lloyds_banking_group", "org:prudential_plc"}
    assert ids("بالتنسيق مع المباحث الإدارية") == {"org:sa_administrative_investigations"}
    assert ids("والأمر يتعلق بسيدو دومبيا وجرفينيو وفيكتور إيباربو وآدم لياييتش") == {
        "person:seydou_doumbia", "person:gervinho", "person:victor_ibarbo", "person:adem_ljajic"}
    assert "media:alislah_online" in ids("رئيس تحرير موقع الإصلاح أون لاين، وحسن عناب محرر قناة يمن شباب")


def test_fifty_second_session_words_read_as_names():
    """Fifty-second session: a first name ends before a short word in ي, the verb of the clause (مبلغ ثابت يوزع، أبو
    محمد يسحب; not a name of the lists, محمد يوسف); صباح + a common noun with the article is "the morning of" («صباح
    الزبالة»; not صباح السالم, a family name); a one-word name written with kasratan (ايادٍ، جانٍ) is a common noun,
    and a nisba + الجنسية after it is the country again; bodybuilding, "I hope you will kindly" and "the age of flowers"
    are phrases (not_person_phrases.txt)."""
    assert found("بالإضافة إلى مبلغ ثابت يوزع على الأجهزة. ومن الإرهاب شر مطلق يطل بغدره على الجميع.") == []
    assert found("مع ذلك كانوا مراقبين للحارة. ابو محمد يسحب السطل الذي يعده مراد") == [
        ("ابو محمد", "discovered:ابو_محمد")]
    assert found("وقال محمد يوسف إن الفريق جاهز") == [("محمد يوسف", "discovered:محمد_يوسف")]
    assert found("«صباح الزبالة» «كيفك مع هالزبالة»، اختنقنا من الزبالة") == []
    assert found("وقال صباح السالم إن اللجنة اجتمعت") == [("صباح السالم", "discovered:صباح_السالم")]
    assert found("ومن تحركهم ايادٍ خارجية لمصالح فاسدة. ونفذ حكم القتل قصاصاً في جانٍ سعودي الجنسية") == [
        ("سعودي", "country:sa")]
    assert found("توفي بطل سابق في كمال الأجسام. آمل التكرم بنشر هذا الإيضاح. شباب في عمر الزهور") == []


def test_my_brothers_is_no_brotherhood_nisba():
    """Fifty-second session: bare إخواني is mostly "my brothers" (من إخواني وأخواتي): the Brotherhood's nisba only once
    the Brotherhood was named; with the article (التيار الإخواني) always its nisba."""
    assert found("شباب استراليا من إخواني وأخواتي. وأنصح إخواني المبتعثين") == [("استراليا", "country:au")]
    assert found("المحسوبة على التيار الإخواني") == [("الإخواني", "group:muslim_brotherhood")]
    assert ("إخواني", "group:muslim_brotherhood") in found(
        "تحذير من جماعة الإخوان المسلمين. وتم القبض على عنصرين أحدهما إخواني")


def test_fifty_second_session_codebook_rows():
    """Fifty-second session: codebook rows and aliases (Fukushima, Sartre, Pierre Nkurunziza and his spelling in ي, the
    nisba of Burundi and its army, the IFRC in the order الهلال … والصليب, Sambisa written with ز, Shanghai with ق,
    Inter as Internazionale, Indonesia without ي, Petr Čech)."""
    assert ids("المفاعل الموجود في فوكوشيما. الذي يعرفه سارتر بأنه") == {
        "location:fukushima", "person:jean_paul_sartre"}
    assert ids("تنكر على نكورونزيزي الحق. ودعا بان كي مون السلطات البوروندية") >= {
        "person:pierre_nkurunziza", "country:bi"}
    assert ids("أكد الاتحاد الدولي لجمعيات الهلال الأحمر والصليب الأحمر عبر موقعه") == {"org:ifrc"}
    assert ids("بالقرب من غابة سامبيزا أحد معاقل بوكو حرام") >= {"location:sambisa_forest"}
    assert ids("في شنقهاي. سيتقابل مع إنترناسيونالي. وضع سلطنة عمان وإندونسيا") == {
        "location:shanghai", "org:inter_milan", "country:om", "country:id"}
    assert ids("الحارس بيتر تشيك. ولم يعلق الجيش البوروندي") == {"person:petr_cech", "org:army_bi"}


def test_grey_the_west_bank_and_verbs_read_as_libyan_cities():
    """Fifty-second session, rounds 3 and 4: الرمادي after a colour word or اللون/الذئب is "grey", not Ramadi (which
    stays after الفلوجة و and in Iraq); الضفة الغربية before a ل-word is the West Bank unless the word is a water body
    (لقناة السويس: a bank); كسبها "won it" and كسرت "broke" are verbs, not ك + Sabha or Sirte; ماتسمى "the so-called" is
    a word; codebook rows (the Americas, DAMAC, Kyrgyzstan as كرجيزستان)."""
    assert found("وقفزت اعداد الذئب الرمادي. بين الأسود والرمادي. باللون الرمادي فقط") == []
    assert found("داخل الفلوجة والرمادي دروعا") == [("الفلوجة", "location:fallujah"), ("والرمادي", "location:ramadi")]
    assert found("المكلف ملف الاستيطان في شمال الضفة الغربية لوكالة الأنباء") == [
        ("الضفة الغربية", "location:west_bank")]
    assert "location:west_bank" not in ids("على الضفة الغربية لقناة السويس")
    assert found("المباراة التي كسبها الفريق. والمملكة كسرت العقدة.") == [("والمملكة", "country:sa")]
    assert found("قائد ماتسمى بكتائب") == []
    assert ids("وبنسبة 8% في الأمريكتين. وارتفع سهم داماك العقارية. الأردن ضد كرجيزستان") == {
        "location:americas", "org:damac", "country:jo", "country:kg"}


def test_in_the_name_of_and_the_short_forms_of_a_dropped_name():
    """Fifty-first session, round 3: باسم + الجهاد (or a chain of definite words) is "in the name of", not Basem and a
    family name; the short forms that had been linked to such a "name" go with it (الجهاد alone later), while a real
    name keeps its short form (باسم المنتشري … المنتشري)."""
    assert found("يقتلون باسم الجهاد في كل مكان. فأين هو الجهاد الحقيقي؟ وأفتى باسم الجهاد الكفائي.") == []
    assert found("وقال باسم المنتشري إن الفريق جاهز. وأكد المنتشري أن") == [
        ("باسم المنتشري", "discovered:باسم_المنتشري"), ("المنتشري", "discovered:باسم_المنتشري")]
    assert ids("وتتوقع آي إتش إس استمرار النمو. وكشف استطلاع «يوجوف» أن") == {"org:ihs", "org:yougov"}
    assert ids("في الدفرسوار والبلاح وبحيرة التمساح والبحيرات المرة") >= {"location:lake_timsah",
                                                                    "location:great_bitter_lake"}


def test_fifty_third_session_indices_lunar_words_and_words_in_kaf():
    """Fifty-third session: a stock index named with a number (ستاندرد آند بورز 500، فايننشال تايمز 100) or the Nasdaq
    after an index word or before المجمع is no company (the exchange stays: بورصة ناسداك); قمري after السنة/الفوهات is
    "lunar" and القمرين "the two moons", not the Comoros (جزر القمر stays); a word in ك that is no nisba form (كروس،
    كارمن) is not ك "like" + Russians or Armenians (كروسيا، كسعوديين stay); صنعا is the noun, not Sanaa."""
    assert found('وزاد مؤشر "ستاندرد آند بورز 500" وتراجع مؤشر فايننشال تايمز 100 وصعد المؤشر ناسداك المجمع') == []
    assert ids("وقالت ستاندرد آند بورز إن. وأدرجت في بورصة ناسداك") == {"org:sp_global", "org:nasdaq"}
    assert found("رصد الفوهات القمرية في السنة القمرية وأطلقت القمرين الصناعيين") == []
    assert ids("وصل الوفد إلى جزر القمر") == {"country:km"}
    assert found("تمريرة من لاعب يدعى كروس. أخرجه ديل كارمن. وهم يحسبون أنهم يحسنون صنعا") == []
    assert ids("الدول الداعمة لنظام الأسد كروسيا وإيران. عملوا كسعوديين") >= {"country:ru", "country:sa"}


def test_fifty_third_session_youth_leagues_titles_and_phrases():
    """Fifty-third session: الشباب السعودي is "Saudi youth" (its nisba) outside sport; the nisba after دوري الدرجة
    الأولى or الدوري الممتاز and the place after كأس أمم or زلزال are inside an event's name; the next title of the
    deputy premier's chain and وليا لولي العهد are no mentions of a holder; bare الجمعية العامة is the UN's only once
    named; القريتين is the Syrian town only near Syria; generic phrases (اتحاد اللعبة، سلامة المرضى، تولى زمام الأمور);
    a verb in the future ends a first name (آمنة ستشكل)."""
    assert found("كيف يتم إعداد الشباب السعودي لمواجهة الفكر المتطرف") == [("السعودي", "country:sa")]
    assert found("المنتمي لدوري الدرجة الأولى الألماني وفي كأس أمم أوروبا وزلزال فوكوشيما") == []
    assert ids("محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع السعودي في مكتبه") == {
        "person:mohammed_bin_salman", "org:sa_council_of_ministers"}
    assert found("واختيار الثاني وليًا لولي العهد") == []
    assert found("حسب موافقة الجمعية العامة غير العادية") == []
    assert ids("أمام الجمعية العامة للأمم المتحدة. وصوتت الجمعية العامة") == {"org:un_general_assembly"}
    assert found("أظهرت نقوش جدران القريتين عراقتهما") == []
    assert ids("سيطر داعش على القريتين في ريف حمص السوري") >= {"location:al_qaryatayn"}
    assert found("وهاجمت الصحافة اتحاد اللعبة. ومؤشرات رضا المرضى وسلامة المرضى. تولى زمام الأمور") == []
    assert found("وقالت آمنة ستشكل لجنة") == [("آمنة", "discovered:امنه")]


def test_fifty_third_session_codebook_rows():
    """Fifty-third session: codebook rows the blind sets read that session named (the Korean peninsula, Asia-Pacific,
    the GCC grid authority, the GERD, the Arab world as الوطن العربي, Toni Kroos, Art Jameel, the Golden Division)."""
    assert ids("التوتر في شبه الجزيرة الكورية وفي منطقة آسيا والمحيط الهادي") == {
        "location:korean_peninsula", "location:asia_pacific"}
    assert ids("وكانت هيئة الربط الكهربائي لدول الخليج قالت. وتأثيرات سد النهضة. لإنقاذ الوطن العربي") == {
        "org:gccia", "location:gerd", "location:arab_world"}
    assert ids('من الألماني توني كروس. أعلنت مبادرة "الفن جميل". قوات الفرقة الذهبية. أما طيران الاتحاد') == {
        "person:toni_kroos", "org:art_jameel", "org:iraqi_golden_division", "org:etihad_airways"}


def test_fifty_third_session_heir_chains_and_generic_bodies():
    """Fifty-third session, round 5: the heir's title followed by his other titles and then his own name is in
    apposition (not another person after it: the delegation of ولي ولي العهد، وزير الشؤون الاجتماعية ماجد القصبي); a
    generic body's kind takes no ل-complement (إدارة النادي للحصول على، مجلس إدارة الشركة لتلافي: no name; اللجنة
    المنظمة لمعرض ألوان السعودية stays); مطروح "proposed" is Matruh only near Egypt; باسم المستشفى "on behalf of"."""
    assert ids("استقبل ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية صاحب السمو الملكي الأمير محمد بن نايف") == {
        "org:sa_council_of_ministers", "person:mohammed_bin_nayef"}
    assert ids("ووصل الوفد المرافق لولي ولي العهد، وزير الشؤون الاجتماعية الدكتور ماجد القصبي") == {
        "person:mohammed_bin_salman", "person:majid_al_qasabi"}
    assert found("كعضو في مجلس إدارة الشركة لتلافي تعارض المصالح. وتسعى إدارة النادي للحصول على التأشيرات") == []
    assert ids("واللجنة المنظمة لمعرض ألوان السعودية") == {"discovered:اللجنه_المنظمه_لمعرض_الوان_السعوديه"}
    assert found("الأمر غير مطروح للنقاش. وقال متحدث باسم المستشفى إن. واستمعت لشكوى مالك المبنى") == []
    assert ids("قال محافظ مطروح إن مصر") >= {"location:mersa_matruh", "country:eg"}


def test_fifty_third_session_diameter_and_possessed_place_names():
    """Fifty-third session, round 6: قطر before a number and a unit of length is "diameter" (بقطر 27 بوصة), not Qatar;
    a place head + a noun with "his" names no place (في طريق احترافه), but مسجد رسوله is the Prophet's Mosque."""
    assert found("فيقدم شاشة بقطر 27 بوصة. وإدخال الخط الرئيسي قطر 800 ملم") == []
    assert ids("وفازت قطر على عمان") >= {"country:qa"}
    assert found("المحطة المهمة في طريق احترافه بعد ان مثل") == []
