/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-text-rules"

#include "config.h"

#include "text/hui-text-rules-private.h"

/* Each repair and recognition rule on small texts, with the cases that
 * must be left alone. */

static void
assert_normalized (const char *in,
                   const char *expected)
{
  g_autofree char *out = hui_text_rules_normalize_line (in, NULL, NULL);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_space_after_punct (void)
{
  assert_normalized ("坚持学以致用、用以促学， 对调研中发现的问题", "坚持学以致用、用以促学，对调研中发现的问题");
  assert_normalized ("“四在一线” “四个万家”等", "“四在一线”“四个万家”等");
  assert_normalized ("千万工程” 和“浦江经验”", "千万工程”和“浦江经验”");
  /* Inside a Latin phrase the space after a full-width bracket is text. */
  assert_normalized ("the World Health Organization（WHO） reported it", "the World Health Organization（WHO） reported it");
  /* Spaces elsewhere are kept (one space), only runs collapse. */
  assert_normalized ("Windows   10 系统", "Windows 10 系统");
}

static void
test_space_kinds (void)
{
  assert_normalized ("\xc2\xa0三、聚焦转型", "三、聚焦转型");
  assert_normalized ("\xe3\x80\x80\xe3\x80\x80当前，随着改革", "当前，随着改革");
  assert_normalized ("奔着问题去调研\t对照清单来改进  ", "奔着问题去调研 对照清单来改进");
  assert_normalized ("\xe2\x80\x8b零宽\xe2\x80\x8b字符", "零宽字符");
}

static void
test_markers (void)
{
  g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = hui_text_rules_normalize_line ("##paidbegin##以高质量主题教育推动发展", markers, NULL);
  g_autofree char *plain = hui_text_rules_normalize_line ("编号#12#不是标记", markers, NULL);

  g_assert_cmpstr (out, ==, "以高质量主题教育推动发展");
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_cmpstr (markers->pdata[0], ==, "##paidbegin##");
  g_assert_cmpstr (plain, ==, "编号#12#不是标记");
}

static void
test_control_pictures (void)
{
  guint n = 0;
  g_autofree char *out = hui_text_rules_normalize_line ("未爱\xe2\x90\x8e守心", NULL, &n);

  g_assert_cmpstr (out, ==, "未爱·守心");
  g_assert_cmpuint (n, ==, 1);
}

static void
test_space_between_han (void)
{
  g_autofree char *a = hui_text_rules_remove_space_between_han ("开发上 线“东胜之家”模块");
  g_autofree char *b = hui_text_rules_remove_space_between_han ("国家级产业学院1 个");
  g_autofree char *c = hui_text_rules_remove_space_between_han ("推进 AI 应用");

  g_assert_cmpstr (a, ==, "开发上线“东胜之家”模块");
  g_assert_cmpstr (b, ==, "国家级产业学院1个");
  g_assert_cmpstr (c, ==, "推进 AI 应用");
}

static void
test_ends_sentence (void)
{
  g_assert_true (hui_text_rules_ends_sentence ("推动各项工作落地见效。"));
  g_assert_true (hui_text_rules_ends_sentence ("他说：“要把调研成果用好。”"));
  g_assert_true (hui_text_rules_ends_sentence ("主要做法如下："));
  g_assert_false (hui_text_rules_ends_sentence ("在奋力谱写中国式现代化福建篇章中展现发改人作为”为题作主题教育专题党课授课时强调，要学习贯彻习近平新"));
  g_assert_false (hui_text_rules_ends_sentence ("对照《关于在全党大兴调查研究的工作方案》"));
  g_assert_false (hui_text_rules_ends_sentence ("全省联动开展“执"));
}

static void
test_should_join (void)
{
  /* Cut mid-sentence by a page break: joined. */
  g_assert_true (hui_text_rules_should_join ("全省联动开展“执", "委进万家、姐妹回娘家”活动。", 1));
  /* A paragraph that really ends at the page break: left alone. */
  g_assert_false (hui_text_rules_should_join ("推动发展取得了新成效。", "下一步，我们将继续努力。", 1));
  g_assert_false (hui_text_rules_should_join ("他说：“这是一次很好的经验。”", "会议要求各单位抓好落实。", 2));
  /* A wrapped line without a blank line. */
  g_assert_true (hui_text_rules_should_join ("推动非诉讼纠纷综合化解体系建设，及时把矛盾纠纷化解在基层、化解在萌芽", "状态。", 0));
  /* A short line without a full stop is not a wrapped line. */
  g_assert_false (hui_text_rules_should_join ("联系人：张明", "电话：12345678", 0));
}

static void
test_join (void)
{
  g_autofree char *cjk = hui_text_rules_join ("学习贯彻习近平新", "时代中国特色社会主义思想");
  g_autofree char *latin = hui_text_rules_join ("the quick", "brown fox");

  g_assert_cmpstr (cjk, ==, "学习贯彻习近平新时代中国特色社会主义思想");
  g_assert_cmpstr (latin, ==, "the quick brown fox");
}

typedef struct {
  const char *line;
  guint level;
  const char *label;
  const char *text;
  const char *run_in;
  gboolean malformed;
} HeadingCase;

static void
test_headings (void)
{
  static const HeadingCase cases[] = {
    { "一、课题：聚焦问题服务发展", 1, "一、", "课题：聚焦问题服务发展", NULL, FALSE },
    { "十二、其他", 1, "十二、", "其他", NULL, FALSE },
    { "（一）围绕支持海洋经济发展", 2, "（一）", "围绕支持海洋经济发展", NULL, FALSE },
    { "(二) 推广节水灌溉", 2, "（二）", "推广节水灌溉", NULL, FALSE },
    { "1.县级路长负责统筹协调", 3, "1.", "县级路长负责统筹协调", NULL, FALSE },
    { "２．加强组织领导", 3, "2.", "加强组织领导", NULL, FALSE },
    { "（3）明确时间节点", 4, "（3）", "明确时间节点", NULL, FALSE },
    { "（一）开展田间课堂。农技人员分片包村，讲解播种要点。", 2, "（一）", "开展田间课堂。", "农技人员分片包村，讲解播种要点。", FALSE },
    { "（三紧扣推动水资源保护提档升级", 2, "（三）", "紧扣推动水资源保护提档升级", NULL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HuiHeadingMatch match;

      g_test_message ("%s", cases[i].line);
      g_assert_true (hui_text_rules_parse_heading (cases[i].line, &match));
      g_assert_cmpuint (match.level, ==, cases[i].level);
      g_assert_cmpstr (match.label, ==, cases[i].label);
      g_assert_cmpstr (match.text, ==, cases[i].text);
      g_assert_cmpstr (match.run_in, ==, cases[i].run_in);
      g_assert_cmpint (match.malformed, ==, cases[i].malformed);
      hui_heading_match_clear (&match);
    }
}

static void
test_not_headings (void)
{
  static const char *lines[] = {
    "一要抓好调查研究“后半篇文章”。",
    "1.5亿元资金已经到位。",
    "（一般来说）这类问题由乡镇负责。",
    "2023年是纵深推进数字政府建设的关键之年。",
    "“一、要把学习成果转化为工作动力。”他说。",
    "5月21日，在江西省赣州市气象局。",
    "（2023年7月25日）",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      HuiHeadingMatch match;

      g_test_message ("%s", lines[i]);
      g_assert_false (hui_text_rules_parse_heading (lines[i], &match));
      hui_heading_match_clear (&match);
    }
}

static void
test_quote_balance (void)
{
  g_assert_cmpint (hui_text_rules_quote_balance (0, "他强调：“要做到以下三点："), ==, 1);
  g_assert_cmpint (hui_text_rules_quote_balance (0, "“四下基层”“四在一线”"), ==, 0);
  g_assert_cmpint (hui_text_rules_quote_balance (1, "一、责任要明确。"), ==, 1);
  g_assert_cmpint (hui_text_rules_quote_balance (1, "二、资金要落实。”"), ==, 0);
}

static void
test_dates (void)
{
  struct { const char *line; const char *iso; } cases[] = {
    { "（2023年7月25日）", "2023-07-25" },
    { "(2023年6月7日)", "2023-06-07" },
    { "2024年12月31日", "2024-12-31" },
    { "二〇二三年七月二十五日", "2023-07-25" },
    { "（２０２３年１０月１日）", "2023-10-01" },
    { "（2023年2月30日）", NULL },
    { "2023年7月25日，省政务办举行交流会。", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = hui_text_rules_parse_date (cases[i].line);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_title_and_organization (void)
{
  g_assert_true (hui_text_rules_looks_like_title ("着力在“四个转化”上下功夫，扎实做好调研“下半篇文章”"));
  g_assert_false (hui_text_rules_looks_like_title ("主题教育开展以来，我市深入贯彻落实各项部署。"));
  g_assert_false (hui_text_rules_looks_like_title ("一、聚焦大局"));
  g_assert_true (hui_text_rules_looks_like_organization ("江苏省司法厅"));
  g_assert_true (hui_text_rules_looks_like_organization ("江苏省司法厅："));
  g_assert_false (hui_text_rules_looks_like_organization ("要继续做好主题教育调查研究后半篇文章。"));
  g_assert_false (hui_text_rules_looks_like_organization ("（2023年7月25日）"));
}

static void
test_split_title (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_assert_true (hui_text_rules_split_title ("奔着问题去调研 对照清单来改进", &a, &b));
  g_assert_cmpstr (a, ==, "奔着问题去调研");
  g_assert_cmpstr (b, ==, "对照清单来改进");
  g_assert_false (hui_text_rules_split_title ("推进 AI 应用落地", &c, &d));
  g_assert_cmpstr (c, ==, "推进 AI 应用落地");
  g_assert_null (d);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-rules/space-after-punct", test_space_after_punct);
  g_test_add_func ("/text-rules/space-kinds", test_space_kinds);
  g_test_add_func ("/text-rules/markers", test_markers);
  g_test_add_func ("/text-rules/control-pictures", test_control_pictures);
  g_test_add_func ("/text-rules/space-between-han", test_space_between_han);
  g_test_add_func ("/text-rules/ends-sentence", test_ends_sentence);
  g_test_add_func ("/text-rules/should-join", test_should_join);
  g_test_add_func ("/text-rules/join", test_join);
  g_test_add_func ("/text-rules/headings", test_headings);
  g_test_add_func ("/text-rules/not-headings", test_not_headings);
  g_test_add_func ("/text-rules/quote-balance", test_quote_balance);
  g_test_add_func ("/text-rules/dates", test_dates);
  g_test_add_func ("/text-rules/title-and-organization", test_title_and_organization);
  g_test_add_func ("/text-rules/split-title", test_split_title);

  return g_test_run ();
}
