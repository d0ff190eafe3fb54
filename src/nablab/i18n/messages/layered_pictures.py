"""Messages of the pictures of networks with hidden layers (figures, animation, web card,
tour and notebook).

Each entry is ``key: (English, Korean)``; the Korean terms follow the notes (은닉층, 가중치,
편향, 결정 경계, 에포크, 정확도).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- figures ----------------------------------------------------------------------------
    "plot.layered_network_title": (
        "The network and its weights\n(thickness |w|; red w > 0, blue w < 0)",
        "신경망과 가중치\n(굵기 |w|; 빨강 w > 0, 파랑 w < 0)"),
    "plot.layered_bias": ("b = {value}", "b = {value}"),
    "plot.layered_boundary_title": (
        "Data and the decision boundary ŷ = ½\nafter epoch {epoch} (accuracy {percent}%)",
        "데이터와 결정 경계 ŷ = ½\n에포크 {epoch} 후 (정확도 {percent}%)"),
    "plot.layered_fit_title": ("Data and the network's ŷ(x) after epoch {epoch}",
                               "데이터와 신경망의 ŷ(x), 에포크 {epoch} 후"),
    "plot.layered_hidden_title": (
        "The data in hidden layer {layer}'s outputs:\nthe output unit's boundary is a line",
        "은닉층 {layer}의 출력을 좌표로 본 데이터:\n출력 유닛의 경계는 직선"),
    "plot.layered_hidden_first_two": (
        "The data in the first two of hidden layer {layer}'s\n{count} outputs",
        "은닉층 {layer}의 출력 {count}개 중\n처음 두 개를 좌표로 본 데이터"),
    "plot.layered_epochs_title": ("Loss and accuracy per epoch", "에포크별 손실과 정확도"),
    "plot.layered_accuracy": ("accuracy (%)", "정확도 (%)"),
    "plot.layered_animation_boundary": ("ŷ over the plane and the boundary ŷ = ½",
                                        "평면 위의 ŷ와 결정 경계 ŷ = ½"),
    "plot.layered_animation_fit": ("The data and ŷ(x)", "데이터와 ŷ(x)"),
    "plot.layered_frame": ("epoch {epoch}\nL = {loss}, accuracy {percent}%",
                           "에포크 {epoch}\nL = {loss}, 정확도 {percent}%"),
    "plot.layered_frame_regression": ("epoch {epoch}\nL = {loss}", "에포크 {epoch}\nL = {loss}"),
}
