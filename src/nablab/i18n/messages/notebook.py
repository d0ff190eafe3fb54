"""Messages of the notebook face: the explorers' controls and what results without a picture say.

Each entry is ``key: (English, Korean)``. Korean terms follow the notes: 학습률, 경사하강법.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "error.no_picture": ("this result draws no picture ({result})",
                         "이 결과에는 그림이 없습니다 ({result})"),
    "notebook.optimizer": ("optimizer", "최적화 기법"),
    "notebook.lr": ("learning rate η", "학습률 η"),
    "notebook.steps": ("steps", "단계 수"),
    "notebook.h": ("Δx → 0", "Δx → 0"),
    "notebook.k": ("k in g = k", "g = k의 k"),
}
