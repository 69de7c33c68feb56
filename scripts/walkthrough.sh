#!/usr/bin/env bash
# One mother from application to repaid loan, with curl, against `npm run dev`.
# Each step is done by the role that does it in real life; the refusals along the way
# show the rules holding. Usage: scripts/walkthrough.sh [base-url]   (GNU date, curl, node)
set -euo pipefail
[ -n "${DEBUG:-}" ] && set -x
API=${1:-http://localhost:3000}
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const d=JSON.parse(s);const v=($1);if(v===undefined){console.error('unexpected answer: '+s);process.exit(1)}console.log(typeof v==='string'?v:JSON.stringify(v))})"; }
day() { date -d "$1 days ago" +%F; }
login() { curl -s "$API/dev/login" -d "{\"username\":\"$1\"}" | json d.token; }
post() { # user path body [idempotency-key]
  local key=${4:-}
  curl -s -X POST "$API$2" -H "authorization: Bearer ${TOKENS[$1]}" -H 'content-type: application/json' \
    ${key:+-H "idempotency-key: $key"} -d "$3"
}
get() { curl -s "$API$2" -H "authorization: Bearer ${TOKENS[$1]}"; }
declare -A TOKENS
for u in committee district district-2 township field; do TOKENS[$u]=$(login $u); done

echo "1. committee opens a round for Chengguan district (capital 100,000 yuan)"
ROUND=$(post committee /rounds "{\"districtId\":\"lhasa.chengguan\",\"name\":\"演示轮次\",\"openedOn\":\"$(day 90)\",\"capitalFen\":10000000}" | json d.id)

echo "2. township submits the application (ID number checksum-validated)"
ID_NUMBER=54010219850612$(printf '%03d' $((RANDOM % 1000)))
ID_NUMBER=$ID_NUMBER$(node -e "const w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2];const s='$ID_NUMBER';let t=0;for(let i=0;i<17;i++)t+=+s[i]*w[i];console.log('10X98765432'[t%11])")
APP=$(post township /applications "{\"roundId\":\"$ROUND\",\"submittedOn\":\"$(day 60)\",\"villageId\":\"lhasa.chengguan.caigongtang.zhiba\",
  \"mother\":{\"name\":\"达瓦卓玛\",\"residentId\":\"$ID_NUMBER\"},\"householdSize\":5,\"householdAnnualIncomeFen\":1200000,
  \"villagePerCapitaIncomeFen\":620000,\"familyPlanning\":\"two_daughters\",
  \"project\":{\"type\":\"livestock\",\"description\":\"购买牦牛五头，出售酥油和奶渣\",\"expectedAnnualReturnFen\":800000},
  \"amountRequestedFen\":1000000}" | json d.id)
echo "   application $APP"

echo "3. refused: approval before the notice, the visits and the screening →"
post district /applications/$APP/decision "{\"decision\":\"approve\",\"decidedOn\":\"$(day 30)\",\"amountFen\":1000000}" | json d.error.message

echo "4. the public notice is posted; a resident objects; the district office dismisses it"
post township /applications/$APP/notice "{\"postedOn\":\"$(day 55)\",\"place\":\"支巴村村委会公示栏\"}" >/dev/null
OBJ=$(post township /applications/$APP/objections "{\"raisedOn\":\"$(day 53)\",\"content\":\"她家有拖拉机\"}" | json d.id)
post district /applications/$APP/objections/$OBJ/resolution "{\"resolvedOn\":\"$(day 50)\",\"outcome\":\"dismissed\",\"note\":\"拖拉机已报废，经核实\"}" >/dev/null

echo "5. the household is visited twice: by field staff, then by the district clerk (王丽, user district)"
post field /applications/$APP/visits "{\"visitedOn\":\"$(day 45)\",\"visitors\":[\"达瓦\"],\"willingToWork\":true,\"planCredible\":true,\"notes\":\"劳动力充足\"}" >/dev/null
post district /applications/$APP/visits "{\"visitedOn\":\"$(day 35)\",\"visitors\":[\"王丽\"],\"willingToWork\":true,\"planCredible\":true,\"notes\":\"第二次走访\"}" >/dev/null

echo "6. screening by field staff, rule by rule →"
post field /applications/$APP/screening '' | json 'd.rules.map(r=>(r.passed?"✓ ":"✗ ")+r.rule+": "+r.reasonZh).join("\n")'

echo "7. refused: a township may not decide →"
post township /applications/$APP/decision "{\"decision\":\"approve\",\"decidedOn\":\"$(day 30)\",\"amountFen\":1000000}" | json d.error.message

echo "8. refused (four eyes): the clerk who visited the household may not approve →"
post district /applications/$APP/decision "{\"decision\":\"approve\",\"decidedOn\":\"$(day 30)\",\"amountFen\":1000000}" | json 'd.error.code+": "+d.error.message'
echo "   a second district clerk (李娟, user district-2) approves: the loan is created"
LOAN=$(post district-2 /applications/$APP/decision "{\"decision\":\"approve\",\"decidedOn\":\"$(day 30)\",\"amountFen\":1000000}" | json d.loanId)
echo "   loan $LOAN"

echo "9. refused: disbursement before the agreement is signed →"
post district /loans/$LOAN/disbursement "{\"disbursedOn\":\"$(day 20)\",\"amountFen\":1000000,\"motherPresent\":true,\"idChecked\":true}" pay-$LOAN | json d.error.message

echo "10. agreement with guarantors, then disbursement to the mother in person"
post district /loans/$LOAN/agreement "{\"signedOn\":\"$(day 25)\",\"guarantors\":{\"townshipHead\":\"格桑\",\"villageHead\":\"扎西\"},
  \"signatories\":[{\"party\":\"district\",\"name\":\"王丽\"},{\"party\":\"mother\",\"name\":\"达瓦卓玛\"}]}" >/dev/null
echo "   refused: the committee has not confirmed the loan (审核确定) →"
post district /loans/$LOAN/disbursement "{\"disbursedOn\":\"$(day 20)\",\"amountFen\":1000000,\"motherPresent\":true,\"idChecked\":true}" pay-$LOAN-0 | json 'd.error.code+": "+d.error.message'
echo "   the district sends it on a confirmation list (报批名单); the committee confirms the list"
LIST=$(post district /confirmation-lists "{\"sentOn\":\"$(day 28)\",\"loanIds\":[\"$LOAN\"]}" | json d.id)
post committee /confirmation-lists/$LIST/decision "{\"decidedOn\":\"$(day 27)\"}" >/dev/null
echo "   refused (four eyes): the approver may not record the payout →"
post district-2 /loans/$LOAN/disbursement "{\"disbursedOn\":\"$(day 20)\",\"amountFen\":1000000,\"motherPresent\":true,\"idChecked\":true}" pay-$LOAN-1 | json 'd.error.code+": "+d.error.message'
post district /loans/$LOAN/disbursement "{\"disbursedOn\":\"$(day 20)\",\"amountFen\":1000000,\"motherPresent\":true,\"idChecked\":true}" pay-$LOAN-2 | json '"   active, due "+d.dueOn'

echo "11. mid-term evaluation by field staff"
post field /loans/$LOAN/evaluations "{\"kind\":\"midterm\",\"evaluatedOn\":\"$(day 2)\",\"fundUse\":\"买了五头牦牛\",\"progress\":\"正常\",
  \"operatingState\":\"良好\",\"incomeToDateFen\":200000,\"forecastFen\":800000,\"methods\":[\"talk\",\"check\",\"look\",\"ask\"]}" >/dev/null

echo "12. repayments: 4,000 yuan, sent twice with the same Idempotency-Key (moves money once), then the rest"
R=SJ-${LOAN: -8}
post township /loans/$LOAN/repayments "{\"paidOn\":\"$(day 1)\",\"amountFen\":400000,\"receiptNo\":\"$R-1\"}" repay-$LOAN-1 | json '"   balance "+d.balanceAfterFen'
post township /loans/$LOAN/repayments "{\"paidOn\":\"$(day 1)\",\"amountFen\":400000,\"receiptNo\":\"$R-1\"}" repay-$LOAN-1 | json '"   retry: balance "+d.balanceAfterFen'
echo "   refused: the same paper receipt again, with a new Idempotency-Key →"
post district /loans/$LOAN/repayments "{\"paidOn\":\"$(day 1)\",\"amountFen\":400000,\"receiptNo\":\"$R-1\"}" repay-$LOAN-1b | json 'd.error.code+": "+d.error.message'
echo "   refused: more than the balance →"
post township /loans/$LOAN/repayments "{\"paidOn\":\"$(day 0)\",\"amountFen\":700000,\"receiptNo\":\"$R-2\"}" repay-$LOAN-2 | json d.error.message
post township /loans/$LOAN/repayments "{\"paidOn\":\"$(day 0)\",\"amountFen\":600000,\"receiptNo\":\"$R-2\"}" repay-$LOAN-3 >/dev/null

echo "13. the loan, repaid, with its history"
get district /loans/$LOAN | json '"   "+d.status+", balance "+d.balanceFen+" fen\n"+d.history.map(e=>"   "+e.at.slice(0,19)+" "+e.actor.username.padEnd(9)+" "+e.summary).join("\n")'

echo "14. the committee sees the mother's resident ID masked; showing it in full is audited"
get committee /loans/$LOAN | json '"   "+d.mother.residentId'
post committee /applications/$APP/resident-id '{"reason":"核对重复申请"}' | json '"   "+d.residentId'

echo "15. the exceptions report (back-dated entries, refused receipts, ID reveals …) →"
get committee "/reports/exceptions?districtId=lhasa.chengguan&kind=duplicate_receipt" | json 'd.items.slice(-3).map(e=>"   "+e.date+" "+e.kind+": "+e.summary).join("\n")'
