#!/bin/sh
# Regenerates the default Mandarin prompt set (8 kHz mono µ-law WAV) with Debian's espeak-ng and sox.
# Usage: src/Hotline.Telephony/Prompts/generate.sh [output-dir]   (default: the cmn/ folder next to this script)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/cmn"}

missing=""
command -v espeak-ng >/dev/null 2>&1 || missing="$missing espeak-ng"
command -v sox >/dev/null 2>&1 || missing="$missing sox"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq $missing >/dev/null
  else
    echo "generate.sh: needs$missing (apt-get install$missing)" >&2
    exit 1
  fi
fi

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# say <name> <voice> <text>: speak at a brisk but clear rate, then resample to telephone band and µ-law.
say() {
  espeak-ng -v "$2" -s 175 -w "$work/$1.raw.wav" "$3"
  # Trim leading/trailing silence (the IVR must reach a human fast), keep to the telephone band, normalise.
  sox "$work/$1.raw.wav" -r 8000 -c 1 -e u-law -b 8 "$work/$1.wav" \
    gain -6 silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse highpass 200 lowpass 3400 gain -n -3
}

say greeting cmn "您好，欢迎致电一二三四五热线。"
say menu-cmn cmn "政务咨询请按1，水电气热请按2，企业服务请按3。"
say menu-en en "For English, press 4."
sox "$work/menu-cmn.wav" "$work/menu-en.wav" "$work/menu.wav"
say invalid cmn "输入有误，请重新选择。"
say position-before cmn "您前面还有"
say position-after cmn "位来电在等待。"
say wait-before cmn "预计等待"
say wait-minutes cmn "分钟。"
say callback-offer cmn "当前等待时间较长，需要稍后回电请按1，继续等待请按2。"
say callback-confirmed cmn "好的，我们会尽快给您回电，再见。"
say survey cmn "请对本次服务进行评价，满意请按1，基本满意请按2，不满意请按3。"
say return-visit cmn "热线回访：部门已联系并解决了吗？满意按1，基本满意按2，不满意按3。"
say thanks cmn "感谢您的评价，再见。"
i=0
for d in 零 一 二 三 四 五 六 七 八 九; do
  say "digit-$i" cmn "$d"
  i=$((i + 1))
done

# Music on hold: a quiet four-note phrase, repeated by the player.
sox -n -r 8000 -c 1 -e u-law -b 8 "$work/hold-music.wav" \
  synth 0.5 sine 523 synth 0.5 sine 659 : synth 0.5 sine 784 : synth 0.5 sine 659 : synth 1 sine 0 gain -12

for f in "$work"/*.wav; do
  case "$(basename "$f")" in
    *.raw.wav|menu-cmn.wav|menu-en.wav) ;;
    *) cp "$f" "$out/" ;;
  esac
done
echo "prompts written to $out"
