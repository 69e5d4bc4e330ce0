/** In its own module: only the `Buy` frame loads the questionnaire's texts. */
/** The risk questionnaire's texts: each question and its options, in the domain's option order. */
const questionsEn: Record<string, [string, ...string[]]> = {
  age: ['How old are you?', '18–30', '31–50', '51–60', '61–70', 'Over 70'],
  income: ['What is your yearly income?', 'Under ¥50,000', '¥50,000–150,000', '¥150,000–300,000', '¥300,000–500,000', 'Over ¥500,000'],
  assets: ['How much do you hold in financial assets (deposits, funds, stocks…)?', 'Under ¥100,000', '¥100,000–500,000', '¥500,000–1,000,000', '¥1,000,000–3,000,000', 'Over ¥3,000,000'],
  experience: ['How long have you invested in funds, stocks or similar?', 'Never', 'Under 1 year', '1–3 years', '3–5 years', 'Over 5 years'],
  knowledge: ['Which of these have you invested in?', 'None', 'Deposits and government bonds only', 'Funds and wealth products', 'Stocks, futures or derivatives'],
  horizon: ['How long can this money stay invested?', 'Under 3 months', '3–12 months', '1–3 years', '3–5 years', 'Over 5 years'],
  objective: ['What do you want from this investment?', 'Keep my capital safe', 'Steady income with little risk', 'A balance of income and growth', 'Mainly growth', 'The highest growth, whatever the swings'],
  loss: ['What is the largest loss you could bear on it?', 'No loss at all', 'Up to 5%', '5%–15%', '15%–30%', 'Over 30%'],
  liquidity: ['When might you need this money back?', 'Within 3 months', 'Within a year', 'Not for several years'],
  share: ['What share of your financial assets is this?', 'Under 10%', '10%–30%', '30%–50%', 'Over 50%'],
};
const questionsZh: Record<string, [string, ...string[]]> = {
  age: ['您的年龄是？', '18–30岁', '31–50岁', '51–60岁', '61–70岁', '70岁以上'],
  income: ['您的年收入是？', '5万元以下', '5–15万元', '15–30万元', '30–50万元', '50万元以上'],
  assets: ['您的金融资产（存款、基金、股票等）有多少？', '10万元以下', '10–50万元', '50–100万元', '100–300万元', '300万元以上'],
  experience: ['您投资基金、股票等的经验有多久？', '没有', '不到1年', '1–3年', '3–5年', '5年以上'],
  knowledge: ['您投资过以下哪些产品？', '都没有', '仅存款和国债', '基金和理财产品', '股票、期货或衍生品'],
  horizon: ['这笔资金可以投资多久？', '3个月以内', '3–12个月', '1–3年', '3–5年', '5年以上'],
  objective: ['您的投资目标是？', '保住本金', '稳定收益、较小风险', '收益与增长兼顾', '以增长为主', '追求最高增长，不惧波动'],
  loss: ['您能承受的最大亏损是？', '不能亏损', '5%以内', '5%–15%', '15%–30%', '30%以上'],
  liquidity: ['您可能何时需要取回这笔资金？', '3个月内', '1年内', '几年内都不需要'],
  share: ['这笔资金占您金融资产的比例是？', '10%以下', '10%–30%', '30%–50%', '50%以上'],
};

export const questionTexts = { en: questionsEn, 'zh-CN': questionsZh };
