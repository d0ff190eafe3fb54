"""Messages of limits in two variables: paths, polar coordinates, the squeeze theorem.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 극한, 경로, 극좌표,
조임 정리 (샌드위치 정리), 연속.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "limit2d.paths_heading": ("Limits along paths through the point",
                              "점을 지나는 경로를 따라 구한 극한"),
    "limit2d.path": ("path", "경로"),
    "limit2d.limit": ("limit", "극한"),
    "limit2d.paths_note": (
        "(m and k are any constants; ∄: the two sides of the path disagree; —: not found)",
        "(m, k는 임의의 상수; ∄: 경로의 양쪽 극한이 다름; —: 구하지 못함)"),
    "limit2d.continuous": (
        "f is defined at the point and continuous there: the limit is the value, {value}.",
        "f가 그 점에서 정의되고 연속이므로 극한은 함숫값 {value}입니다."),
    "limit2d.polar_heading": ("In polar coordinates about the point",
                              "그 점을 중심으로 한 극좌표"),
    "limit2d.squeeze": (
        "|f − {value}| ≤ {bound} → 0 as r → 0, whatever θ: by the squeeze theorem the limit "
        "is {value} along every path.",
        "θ에 관계없이 |f − {value}| ≤ {bound} → 0 (r → 0)이므로, 조임 정리에 의해 모든 경로에서 "
        "극한은 {value}입니다."),
    "limit2d.radial": (
        "f − {value} = {rest} depends on r only and tends to 0: the limit is {value} along every "
        "path.",
        "f − {value} = {rest:는} r에만 의존하고 0으로 가므로, 모든 경로에서 극한은 {value}입니다."),
    "limit2d.no_bound": (
        "No bound g(r) → 0 independent of θ was found.",
        "θ와 무관하게 0으로 가는 상계 g(r)을 찾지 못했습니다."),
    "limit2d.dne_family": (
        "The limit does not exist: along {path} it is {limit}, which depends on the path "
        "(along {p} it is {lp}, along {q} it is {lq}).",
        "극한은 존재하지 않습니다: 경로 {path}에서의 극한이 {limit:으로} 경로에 따라 "
        "달라집니다 (경로 {p}에서 {lp}, 경로 {q}에서 {lq})."),
    "limit2d.dne_paths": (
        "The limit does not exist: along {p} it is {lp}, along {q} it is {lq}.",
        "극한은 존재하지 않습니다: 경로 {p}에서 {lp}, 경로 {q}에서 {lq}입니다."),
    "limit2d.dne_path": (
        "The limit does not exist: along {p} f has no finite limit ({lp}).",
        "극한은 존재하지 않습니다: 경로 {p}에서 f의 유한한 극한이 없습니다 ({lp})."),
    "limit2d.exists_continuous": ("The limit is {value} (f is continuous at the point).",
                                  "극한은 {value}입니다 (f가 그 점에서 연속)."),
    "limit2d.exists_squeeze": ("The limit is {value} (squeeze theorem in polar coordinates).",
                               "극한은 {value}입니다 (극좌표에서 조임 정리)."),
    "limit2d.exists_radial": ("The limit is {value} (in polar form f depends on r only).",
                              "극한은 {value}입니다 (극좌표에서 f가 r에만 의존)."),
    "limit2d.undecided_agree": (
        "Not decided: every path tried gives {value}, but that does not prove the limit "
        "exists, and no bound independent of the direction was found.",
        "판단하지 못했습니다: 시도한 모든 경로에서 {value}이지만 극한의 존재를 증명하지는 "
        "못하며, 방향과 무관한 상계를 찾지 못했습니다."),
    "limit2d.undecided": (
        "Not decided: the limits along the paths could not all be found or compared.",
        "판단하지 못했습니다: 경로를 따른 극한을 모두 구하거나 비교하지 못했습니다."),
    "error.limit2d_variables": (
        "a limit at a point in the plane needs a function of two variables (this one has "
        "{count})",
        "평면의 점에서의 극한은 두 변수 함수가 필요합니다 (이 함수의 변수는 {count}개)"),
    "error.limit2d_point": ("the point misses {names}", "점에 {names}의 값이 없습니다"),
    "plot.limit2d.plane": ("Paths through {point}", "점 {point:를} 지나는 경로"),
    "plot.limit2d.along": ("f along each path (t → 0)", "각 경로를 따른 f (t → 0)"),
    "plot.limit2d.t": ("t (the path's parameter; the point at t = 0)",
                       "t (경로의 매개변수; t = 0이 그 점)"),
}
